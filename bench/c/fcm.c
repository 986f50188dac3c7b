/*
 * Reference kernel for bench/simulate-kernel.js: the same FCM update as the Marsad kernel
 * (src/simulate/kernel.wat; incoming-edge CSR, double buffer, only the concepts that can
 * change are iterated — clamped ones and those without causes keep their value —, the largest
 * change per step tracked) written as the plain C loop one would write, to measure how far
 * Marsad's kernel is from native code on the same map.
 *
 * The transfer function is the same approximation as Marsad's (src/simulate/fast-math.ts:
 * table-driven e^x, then tanh or the logistic from it), with the same constants, so both sides
 * do the same arithmetic and the results agree bit for bit; MATH "libm" uses glibc's tanh and
 * exp instead, for comparison only.
 *
 * usage: fcm MAP.bin STEPS RULE TRANSFER LAMBDA [fast|libm] [REPS]
 *   runs STEPS steps from the start state REPS times (default 1) and reports the fastest
 *   RULE 0 kosko, 1 modified-kosko, 2 rescaled; TRANSFER 0 sigmoid, 1 tanh, 2 bivalent, 3 trivalent
 * MAP.bin (little-endian): int32 n, int32 m, int32 inStarts[n+1], int32 inSources[m],
 *   float64 weights[m], float64 initial[n], uint8 mask[n], float64 clampValues[n],
 *   float64 expFraction[32], float64 invStep, stepHi, stepLo, lowest, c3, c4, c5, c6,
 *   tanhSaturation (fast-math.ts's EXP_FRACTION and EXP_CONSTANTS)
 * prints (fastest of REPS): {"seconds": wall, "cpuSeconds": cpu, "steps": N, "edges": M, "checksum": Σ state, "lastDelta": D}
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void *read_exact(FILE *f, size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p || fread(p, 1, bytes, f) != bytes) {
    fprintf(stderr, "fcm: short read\n");
    exit(1);
  }
  return p;
}

static double fraction[32];
static double integer[1025]; /* 2^e for e = -1024 ... 0, as INTEGER in fast-math.ts */
static double inv_step, step_hi, step_lo, lowest, c3, c4, c5, c6, tanh_saturation;

/* Nearest integer of |x| < 2^51, by the usual C idiom: adding and taking away 1.5 * 2^52
 * rounds in the FPU (ties to even). Marsad rounds as JavaScript's Math.round (ties up); the
 * two differ only when x is exactly halfway between integers, and the cheaper idiom keeps the
 * reference as fast as C can reasonably be. The results still agree to the bit on the
 * benchmark's maps (the benchmark checks). */
static inline double round_nearest(double x) {
  return (x + 0x1.8p52) - 0x1.8p52;
}

/* e^x for x <= 0, as expNonPositive in fast-math.ts */
static inline double exp_non_positive(double x) {
  double y = x < lowest ? lowest : x;
  double kf = round_nearest(y * inv_step);
  double r = y - kf * step_hi - kf * step_lo;
  int32_t k = (int32_t)kf;
  double p = 1 + r * (1 + r * (0.5 + r * (c3 + r * (c4 + r * (c5 + r * c6)))));
  return fraction[k & 31] * integer[(k >> 5) + 1024] * p;
}

static inline double tanh_fast(double x) {
  double ax = x < 0 ? -x : x;
  if (ax > tanh_saturation) return x < 0 ? -1 : 1;
  double e = exp_non_positive(-2 * ax);
  double t = (1 - e) / (1 + e);
  return x < 0 ? -t : t;
}

static inline double sigmoid_fast(double x) {
  if (x >= 0) return 1 / (1 + exp_non_positive(-x));
  double e = exp_non_positive(x);
  return e / (1 + e);
}

int main(int argc, char **argv) {
  if (argc < 6 || argc > 8) {
    fprintf(stderr, "usage: fcm MAP.bin STEPS RULE TRANSFER LAMBDA [fast|libm] [REPS]\n");
    return 2;
  }
  int libm = argc >= 7 && argv[6][0] == 'l';
  long reps = argc == 8 ? atol(argv[7]) : 1;
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror("fcm");
    return 1;
  }
  long steps = atol(argv[2]);
  int rule = atoi(argv[3]);
  int transfer = atoi(argv[4]);
  double lambda = atof(argv[5]);
  int32_t nm[2];
  if (fread(nm, sizeof(int32_t), 2, f) != 2) return 1;
  int32_t n = nm[0], m = nm[1];
  int32_t *in_starts = read_exact(f, sizeof(int32_t) * (size_t)(n + 1));
  int32_t *in_sources = read_exact(f, sizeof(int32_t) * (size_t)m);
  double *w = read_exact(f, sizeof(double) * (size_t)m);
  double *initial = read_exact(f, sizeof(double) * (size_t)n);
  uint8_t *mask = read_exact(f, (size_t)n);
  double *cv = read_exact(f, sizeof(double) * (size_t)n);
  double *consts = read_exact(f, sizeof(double) * 41);
  for (int j = 0; j < 32; j++) fraction[j] = consts[j];
  inv_step = consts[32], step_hi = consts[33], step_lo = consts[34], lowest = consts[35];
  c3 = consts[36], c4 = consts[37], c5 = consts[38], c6 = consts[39], tanh_saturation = consts[40];
  for (int e = 0; e <= 1024; e++) integer[e] = ldexp(1.0, e - 1024);
  fclose(f);

  double *bufs[2] = {malloc(sizeof(double) * (size_t)n), malloc(sizeof(double) * (size_t)n)};
  int32_t *free_idx = malloc(sizeof(int32_t) * (size_t)n);
  double *cur = bufs[0], *nxt = bufs[1];
  double best_wall = INFINITY, best_cpu = INFINITY, max_delta = 0;
  for (long rep = 0; rep < reps; rep++) {
    cur = bufs[0];
    nxt = bufs[1];
    int32_t nf = 0;
    /* clamped concepts and concepts without causes never change: set them in both buffers once */
    for (int32_t i = 0; i < n; i++) {
      double v = mask[i] ? cv[i] : initial[i];
      cur[i] = v;
      nxt[i] = v;
      if (!mask[i] && in_starts[i] != in_starts[i + 1]) free_idx[nf++] = i;
    }

    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (long s = 0; s < steps; s++) {
      max_delta = 0;
      for (int32_t f = 0; f < nf; f++) {
        int32_t i = free_idx[f];
        double a = cur[i];
        int32_t b = in_starts[i], e = in_starts[i + 1];
        double x = 0, v;
        if (rule == 2) {
          for (int32_t p = b; p < e; p++) x += w[p] * (2 * cur[in_sources[p]] - 1);
          x += 2 * a - 1;
        } else {
          for (int32_t p = b; p < e; p++) x += w[p] * cur[in_sources[p]];
          if (rule == 1) x += a;
        }
        if (transfer == 1) v = libm ? tanh(lambda * x) : tanh_fast(lambda * x);
        else if (transfer == 0) v = libm ? 1 / (1 + exp(-lambda * x)) : sigmoid_fast(lambda * x);
        else if (transfer == 2) v = x > 0 ? 1 : 0;
        else v = x > 0 ? 1 : x < 0 ? -1 : 0;
        nxt[i] = v;
        double d = fabs(v - a);
        if (d > max_delta) max_delta = d;
      }
      double *t = cur;
      cur = nxt;
      nxt = t;
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    if (wall < best_wall) best_wall = wall;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  double checksum = 0;
  for (int32_t i = 0; i < n; i++) checksum += cur[i];
  printf("{\"seconds\": %.9f, \"cpuSeconds\": %.9f, \"steps\": %ld, \"edges\": %d, \"checksum\": %.17g, \"lastDelta\": %.17g}\n",
         best_wall, best_cpu, steps, m, checksum, max_delta);
  return 0;
}
