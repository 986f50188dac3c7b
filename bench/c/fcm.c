/*
 * Reference kernel for bench/simulate-kernel.js: the same FCM update as src/simulate/infer.ts
 * (incoming-edge CSR, double buffer, only the concepts that can change are iterated — clamped
 * ones and those without causes keep their value —, the largest change per step tracked) written as a plain C loop, to measure how far the
 * TypeScript kernel is from native code on the same map.
 *
 * usage: fcm MAP.bin STEPS RULE TRANSFER LAMBDA
 *   RULE 0 kosko, 1 modified-kosko, 2 rescaled; TRANSFER 0 sigmoid, 1 tanh, 2 bivalent, 3 trivalent
 * MAP.bin (little-endian): int32 n, int32 m, int32 inStarts[n+1], int32 inSources[m],
 *   float64 weights[m], float64 initial[n], uint8 mask[n], float64 clampValues[n]
 * prints: {"seconds": wall, "cpuSeconds": cpu, "steps": N, "edges": M, "checksum": Σ state, "lastDelta": D}
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

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: fcm MAP.bin STEPS RULE TRANSFER LAMBDA\n");
    return 2;
  }
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
  fclose(f);

  double *cur = malloc(sizeof(double) * (size_t)n);
  double *nxt = malloc(sizeof(double) * (size_t)n);
  int32_t *free_idx = malloc(sizeof(int32_t) * (size_t)n);
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
  double max_delta = 0;
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
      if (transfer == 1) v = tanh(lambda * x);
      else if (transfer == 0) v = 1 / (1 + exp(-lambda * x));
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
  double checksum = 0;
  for (int32_t i = 0; i < n; i++) checksum += cur[i];
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  double cpu = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
  printf("{\"seconds\": %.9f, \"cpuSeconds\": %.9f, \"steps\": %ld, \"edges\": %d, \"checksum\": %.17g, \"lastDelta\": %.17g}\n",
         seconds, cpu, steps, m, checksum, max_delta);
  return 0;
}
