;; The FCM inference kernel in WebAssembly (with 128-bit SIMD): the loop of infer.ts's
;; semantics — update every free concept from the previous state, stop at a fixed point or a
;; limit cycle — on arrays that kernel.ts lays out in this module's memory.
;;
;; Why WebAssembly: the same loop in TypeScript ran 2.2–3.6× slower than C, spending its time in
;; bounds-checked typed-array gathers and in the transfer function; here loads are plain and the
;; transfer function runs on two concepts at a time.
;;
;; Why the step is three passes: (1) the weighted sums of every free concept into `xs` (scalar:
;; each is a gather over the concept's causes), (2) the transfer function over `xs` in place, two
;; lanes at a time, (3) the new values scattered into the next state while the largest change is
;; tracked. Pass 2 is where the time went, and it vectorises only once it is a separate loop.
;;
;; Bit for bit: every operation is the one fast-math.ts and the former TypeScript kernel did, in
;; the same order (sums in incoming-CSR order, the same polynomial, Math.round written out as
;; V8 computes it: ceil, then one less when ceil − 0.5 > t), and the constants are read from
;; memory where kernel.ts writes fast-math.ts's own values. So results do not depend on whether
;; this kernel or fast-math.ts computed them, and Monte Carlo results stay as they were.
;; kernel.test.ts checks this against a TypeScript transcription on random maps.
;;
;; Assembled by scripts/build-kernel.js into kernel-wasm.ts (checked by kernel.test.ts).
(module
  (memory (export "memory") 1)

  ;; Constants at fixed addresses, written by kernel.ts from fast-math.ts:
  ;;   0 … 255 EXP_FRACTION[32] (2^(j/32)); 256 invStep; 264 stepHi; 272 stepLo; 280 lowest;
  ;;   288 c3 (1/6); 296 c4 (1/24); 304 c5 (1/120); 312 c6 (1/720); 320 tanhSaturation.

  ;; Layout: byte offsets of the arrays, set by kernel.ts through $layout.
  (global $n (mut i32) (i32.const 0))
  (global $inStarts (mut i32) (i32.const 0))   ;; i32[n + 1]
  (global $inSources (mut i32) (i32.const 0))  ;; i32[m]
  (global $weights (mut i32) (i32.const 0))    ;; f64[m], incoming-CSR order
  (global $start (mut i32) (i32.const 0))      ;; f64[n]
  (global $mask (mut i32) (i32.const 0))       ;; u8[n]: 1 holds the concept at values[i]
  (global $values (mut i32) (i32.const 0))     ;; f64[n]
  (global $order (mut i32) (i32.const 0))      ;; i32[n]: concepts by number of causes
  (global $free (mut i32) (i32.const 0))       ;; i32[n]: concepts that change, in that order
  (global $xs (mut i32) (i32.const 0))         ;; f64[n + 2], 16-byte aligned: sums, then values
  (global $match (mut i32) (i32.const 0))      ;; i32[66]: run of matches per period
  (global $out (mut i32) (i32.const 0))        ;; f64[n]: the settled state
  (global $info (mut i32) (i32.const 0))       ;; i32[3]: status, steps, period
  (global $ring (mut i32) (i32.const 0))       ;; f64[slots · n]: state after t steps in slot t mod slots

  ;; Per run: number of free concepts, and the one that changed most in the last step.
  (global $nf (mut i32) (i32.const 0))
  (global $argMax (mut i32) (i32.const 0))

  (func (export "layout")
    (param $n i32) (param $inStarts i32) (param $inSources i32) (param $weights i32)
    (param $start i32) (param $mask i32) (param $values i32) (param $order i32) (param $free i32) (param $xs i32)
    (param $match i32) (param $out i32) (param $info i32) (param $ring i32)
    (global.set $n (local.get $n))
    (global.set $inStarts (local.get $inStarts))
    (global.set $inSources (local.get $inSources))
    (global.set $weights (local.get $weights))
    (global.set $start (local.get $start))
    (global.set $mask (local.get $mask))
    (global.set $values (local.get $values))
    (global.set $order (local.get $order))
    (global.set $free (local.get $free))
    (global.set $xs (local.get $xs))
    (global.set $match (local.get $match))
    (global.set $out (local.get $out))
    (global.set $info (local.get $info))
    (global.set $ring (local.get $ring)))

  ;; Pass 1: xs[f] ← the input of free concept f from the state at address $cur.
  ;; rule 0 kosko Σ w·A; 1 modified-kosko A_i + Σ w·A; 2 rescaled (2A_i − 1) + Σ w·(2A − 1).
  (func $sums (param $cur i32) (param $rule i32)
    (local $freeP i32) (local $freeEnd i32) (local $xsP i32) (local $i i32)
    (local $src i32) (local $srcEnd i32) (local $w i32) (local $startP i32)
    (local $x f64) (local $a f64) (local $self i32)
    (local.set $freeP (global.get $free))
    (local.set $freeEnd (i32.add (global.get $free) (i32.shl (global.get $nf) (i32.const 2))))
    (local.set $xsP (global.get $xs))
    (local.set $self (i32.eq (local.get $rule) (i32.const 1)))
    (if (i32.eq (local.get $rule) (i32.const 2))
      (then
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $freeP) (local.get $freeEnd)))
            (local.set $i (i32.load (local.get $freeP)))
            (local.set $a (f64.load (i32.add (local.get $cur) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $startP (i32.add (global.get $inStarts) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $src (i32.add (global.get $inSources) (i32.shl (i32.load (local.get $startP)) (i32.const 2))))
            (local.set $srcEnd (i32.add (global.get $inSources) (i32.shl (i32.load offset=4 (local.get $startP)) (i32.const 2))))
            (local.set $w (i32.add (global.get $weights) (i32.shl (i32.load (local.get $startP)) (i32.const 3))))
            (local.set $x (f64.const 0))
            (block $edgesDone
              (loop $edge
                (br_if $edgesDone (i32.ge_u (local.get $src) (local.get $srcEnd)))
                (local.set $x
                  (f64.add (local.get $x)
                    (f64.mul (f64.load (local.get $w))
                      (f64.sub
                        (f64.mul (f64.const 2)
                          (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $src)) (i32.const 3)))))
                        (f64.const 1)))))
                (local.set $src (i32.add (local.get $src) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (i32.const 8)))
                (br $edge)))
            (local.set $x (f64.add (local.get $x) (f64.sub (f64.mul (f64.const 2) (local.get $a)) (f64.const 1))))
            (f64.store (local.get $xsP) (local.get $x))
            (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
            (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
            (br $each))))
      (else
        (block $done
          (loop $each
            (br_if $done (i32.ge_u (local.get $freeP) (local.get $freeEnd)))
            (local.set $i (i32.load (local.get $freeP)))
            (local.set $startP (i32.add (global.get $inStarts) (i32.shl (local.get $i) (i32.const 2))))
            (local.set $src (i32.add (global.get $inSources) (i32.shl (i32.load (local.get $startP)) (i32.const 2))))
            (local.set $srcEnd (i32.add (global.get $inSources) (i32.shl (i32.load offset=4 (local.get $startP)) (i32.const 2))))
            (local.set $w (i32.add (global.get $weights) (i32.shl (i32.load (local.get $startP)) (i32.const 3))))
            (local.set $x (f64.const 0))
            (block $edgesDone
              (loop $edge
                (br_if $edgesDone (i32.ge_u (local.get $src) (local.get $srcEnd)))
                (local.set $x
                  (f64.add (local.get $x)
                    (f64.mul (f64.load (local.get $w))
                      (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $src)) (i32.const 3)))))))
                (local.set $src (i32.add (local.get $src) (i32.const 4)))
                (local.set $w (i32.add (local.get $w) (i32.const 8)))
                (br $edge)))
            (if (local.get $self)
              (then
                (local.set $x
                  (f64.add (local.get $x)
                    (f64.load (i32.add (local.get $cur) (i32.shl (local.get $i) (i32.const 3))))))))
            (f64.store (local.get $xsP) (local.get $x))
            (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
            (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
            (br $each))))))

  ;; Pass 2: xs[0 … count) ← f(xs) in place, two at a time (an odd count computes one spare
  ;; lane past the end, which nobody reads). code 0 sigmoid, 1 tanh (of λ·x), 2 bivalent,
  ;; 3 trivalent (of x). Exported so that tests can compare it with fast-math.ts directly.
  (func $transfer (export "transfer") (param $count i32) (param $code i32) (param $lambda f64)
    (local $p i32) (local $end i32)
    (local $X v128) (local $neg v128) (local $ax v128) (local $y v128) (local $t v128)
    (local $c v128) (local $kf v128) (local $r v128) (local $k v128) (local $poly v128)
    (local $frac v128) (local $e v128) (local $num v128) (local $q v128) (local $tq v128)
    (local $vLambda v128) (local $vScale v128) (local $vTanh v128) (local $vZero v128)
    (local $vOne v128) (local $vMinusOne v128) (local $vHalf v128) (local $vLowest v128)
    (local $vInv v128) (local $vHi v128) (local $vLo v128) (local $vC3 v128) (local $vC4 v128)
    (local $vC5 v128) (local $vC6 v128) (local $vSat v128) (local $vBias v128)
    (local.set $p (global.get $xs))
    (local.set $end (i32.add (global.get $xs) (i32.shl (i32.shr_u (i32.add (local.get $count) (i32.const 1)) (i32.const 1)) (i32.const 4))))
    (local.set $vZero (f64x2.splat (f64.const 0)))
    (local.set $vOne (f64x2.splat (f64.const 1)))
    (local.set $vMinusOne (f64x2.splat (f64.const -1)))
    (if (i32.ge_u (local.get $code) (i32.const 2))
      (then
        ;; bivalent: x > 0 ? 1 : 0; trivalent: x > 0 ? 1 : x < 0 ? −1 : 0
        (local.set $vTanh (v128.const i64x2 0 0))
        (if (i32.eq (local.get $code) (i32.const 3)) (then (local.set $vTanh (v128.const i64x2 -1 -1))))
        (block $done
          (loop $pair
            (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $X (v128.load (local.get $p)))
            (v128.store (local.get $p)
              (v128.bitselect
                (local.get $vOne)
                (v128.and
                  (local.get $vTanh)
                  (v128.bitselect (local.get $vMinusOne) (local.get $vZero) (f64x2.lt (local.get $X) (local.get $vZero))))
                (f64x2.gt (local.get $X) (local.get $vZero))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br $pair)))
        (return)))
    ;; sigmoid and tanh share e = exp(−s·|λx|), s = 2 for tanh, 1 for the logistic.
    (local.set $vLambda (f64x2.splat (local.get $lambda)))
    (if (i32.eq (local.get $code) (i32.const 1))
      (then
        (local.set $vScale (f64x2.splat (f64.const -2)))
        (local.set $vTanh (v128.const i64x2 -1 -1)))
      (else
        (local.set $vScale (f64x2.splat (f64.const -1)))
        (local.set $vTanh (v128.const i64x2 0 0))))
    (local.set $vHalf (f64x2.splat (f64.const 0.5)))
    (local.set $vInv (v128.load64_splat (i32.const 256)))
    (local.set $vHi (v128.load64_splat (i32.const 264)))
    (local.set $vLo (v128.load64_splat (i32.const 272)))
    (local.set $vLowest (v128.load64_splat (i32.const 280)))
    (local.set $vC3 (v128.load64_splat (i32.const 288)))
    (local.set $vC4 (v128.load64_splat (i32.const 296)))
    (local.set $vC5 (v128.load64_splat (i32.const 304)))
    (local.set $vC6 (v128.load64_splat (i32.const 312)))
    (local.set $vSat (v128.load64_splat (i32.const 320)))
    (local.set $vBias (i64x2.splat (i64.const 1023)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $X (f64x2.mul (local.get $vLambda) (v128.load (local.get $p))))
        ;; ax = x < 0 ? −x : x (as fast-math.ts writes it: −0 stays −0)
        (local.set $neg (f64x2.lt (local.get $X) (local.get $vZero)))
        (local.set $ax (v128.bitselect (f64x2.neg (local.get $X)) (local.get $X) (local.get $neg)))
        ;; e^y for y = −s·ax ≤ 0, as expNonPositive: y below −700 taken as −700
        (local.set $y (f64x2.mul (local.get $vScale) (local.get $ax)))
        (local.set $y (v128.bitselect (local.get $vLowest) (local.get $y) (f64x2.lt (local.get $y) (local.get $vLowest))))
        (local.set $t (f64x2.mul (local.get $y) (local.get $vInv)))
        ;; kf = Math.round(t): ceil, minus one when ceil − 0.5 > t
        (local.set $c (f64x2.ceil (local.get $t)))
        (local.set $kf
          (v128.bitselect
            (f64x2.sub (local.get $c) (local.get $vOne))
            (local.get $c)
            (f64x2.gt (f64x2.sub (local.get $c) (local.get $vHalf)) (local.get $t))))
        (local.set $r
          (f64x2.sub
            (f64x2.sub (local.get $y) (f64x2.mul (local.get $kf) (local.get $vHi)))
            (f64x2.mul (local.get $kf) (local.get $vLo))))
        (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
        ;; 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + r/720)))))
        (local.set $poly (f64x2.mul (local.get $r) (local.get $vC6)))
        (local.set $poly (f64x2.add (local.get $vC5) (local.get $poly)))
        (local.set $poly (f64x2.add (local.get $vC4) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vC3) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vHalf) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        ;; 2^(k/32) = EXP_FRACTION[k & 31] · 2^(k >> 5); the power of two is built in the
        ;; exponent bits (k >> 5 ≥ −1011, a normal number), the fraction read from the table.
        (local.set $frac
          (f64x2.replace_lane 1
            (f64x2.splat
              (f64.load (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $k)) (i32.const 31)) (i32.const 3))))
            (f64.load (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $k)) (i32.const 31)) (i32.const 3)))))
        (local.set $e
          (f64x2.mul
            (f64x2.mul
              (local.get $frac)
              (i64x2.shl
                (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $k) (i32.const 5))) (local.get $vBias))
                (i32.const 52)))
            (local.get $poly)))
        ;; tanh: (1 − e) / (1 + e); logistic: (x ≥ 0 ? 1 : e) / (1 + e)
        (local.set $num
          (v128.bitselect
            (f64x2.sub (local.get $vOne) (local.get $e))
            (v128.bitselect (local.get $vOne) (local.get $e) (f64x2.ge (local.get $X) (local.get $vZero)))
            (local.get $vTanh)))
        (local.set $q (f64x2.div (local.get $num) (f64x2.add (local.get $vOne) (local.get $e))))
        ;; tanh: the sign of x, and ±1 beyond the saturation point
        (local.set $tq (v128.bitselect (f64x2.neg (local.get $q)) (local.get $q) (local.get $neg)))
        (local.set $tq
          (v128.bitselect
            (v128.bitselect (local.get $vMinusOne) (local.get $vOne) (local.get $neg))
            (local.get $tq)
            (f64x2.gt (local.get $ax) (local.get $vSat))))
        (v128.store (local.get $p) (v128.bitselect (local.get $tq) (local.get $q) (local.get $vTanh)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $pair))))

  ;; Pass 3: the new values into the state at $nxt; returns the largest change and leaves the
  ;; concept that made it (the first one, on ties) in $argMax.
  (func $scatter (param $cur i32) (param $nxt i32) (result f64)
    (local $freeP i32) (local $freeEnd i32) (local $xsP i32) (local $o i32)
    (local $v f64) (local $a f64) (local $d f64) (local $max f64) (local $arg i32)
    (local.set $freeP (global.get $free))
    (local.set $freeEnd (i32.add (global.get $free) (i32.shl (global.get $nf) (i32.const 2))))
    (local.set $xsP (global.get $xs))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $freeP) (local.get $freeEnd)))
        (local.set $o (i32.shl (i32.load (local.get $freeP)) (i32.const 3)))
        (local.set $v (f64.load (local.get $xsP)))
        (local.set $a (f64.load (i32.add (local.get $cur) (local.get $o))))
        (f64.store (i32.add (local.get $nxt) (local.get $o)) (local.get $v))
        (local.set $d
          (select
            (f64.sub (local.get $v) (local.get $a))
            (f64.sub (local.get $a) (local.get $v))
            (f64.gt (local.get $v) (local.get $a))))
        (if (f64.gt (local.get $d) (local.get $max))
          (then
            (local.set $max (local.get $d))
            (local.set $arg (i32.load (local.get $freeP)))))
        (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
        (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
        (br $each)))
    (global.set $argMax (local.get $arg))
    (local.get $max))

  ;; Whether the states at addresses $a and $b agree within ε on every free concept, the one
  ;; that moved most in the last step first (while converging it differs: one comparison).
  (func $same (param $a i32) (param $b i32) (param $eps f64) (result i32)
    (local $d f64) (local $o i32) (local $freeP i32) (local $freeEnd i32) (local $negEps f64)
    (local.set $negEps (f64.neg (local.get $eps)))
    (local.set $o (i32.shl (global.get $argMax) (i32.const 3)))
    (local.set $d (f64.sub (f64.load (i32.add (local.get $a) (local.get $o))) (f64.load (i32.add (local.get $b) (local.get $o)))))
    (if (i32.or (f64.gt (local.get $d) (local.get $eps)) (f64.lt (local.get $d) (local.get $negEps)))
      (then (return (i32.const 0))))
    (local.set $freeP (global.get $free))
    (local.set $freeEnd (i32.add (global.get $free) (i32.shl (global.get $nf) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $freeP) (local.get $freeEnd)))
        (local.set $o (i32.shl (i32.load (local.get $freeP)) (i32.const 3)))
        (local.set $d (f64.sub (f64.load (i32.add (local.get $a) (local.get $o))) (f64.load (i32.add (local.get $b) (local.get $o)))))
        (if (i32.or (f64.gt (local.get $d) (local.get $eps)) (f64.lt (local.get $d) (local.get $negEps)))
          (then (return (i32.const 0))))
        (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
        (br $each)))
    (i32.const 1))

  ;; One run: from start (clamps applied), iterate until a fixed point (largest change < ε), a
  ;; limit cycle (every free concept within ε of its value p steps back, p steps in a row,
  ;; 2 ≤ p ≤ maxPeriod < slots) or maxSteps. Writes the state (mean over one period for a cycle)
  ;; to out and (status 0 fixed point / 1 cycle / 2 none, steps, period) to info.
  (func (export "infer")
    (param $rule i32) (param $code i32) (param $lambda f64) (param $eps f64)
    (param $maxSteps i32) (param $maxPeriod i32) (param $slots i32)
    (local $n i32) (local $stride i32) (local $i i32) (local $q i32) (local $o i32) (local $nf i32)
    (local $m i32) (local $v f64) (local $status i32) (local $period i32) (local $step i32)
    (local $cur i32) (local $nxt i32) (local $p i32) (local $back i32) (local $found i32)
    (local $run i32) (local $maxDelta f64) (local $ring i32) (local $slot i32)
    (local.set $n (global.get $n))
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $ring (global.get $ring))
    ;; Clamped concepts and concepts without causes never change: into every slot once. The
    ;; others are listed by number of causes, so that the loop over a concept's causes runs the
    ;; same number of times for long stretches (the order of the concepts changes no result).
    (local.set $q (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $q) (local.get $n)))
        (local.set $i (i32.load (i32.add (global.get $order) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (local.set $m (i32.load8_u (i32.add (global.get $mask) (local.get $i))))
        (local.set $v
          (select
            (f64.load (i32.add (global.get $values) (local.get $o)))
            (f64.load (i32.add (global.get $start) (local.get $o)))
            (local.get $m)))
        (if (i32.or
              (i32.eq (local.get $m) (i32.const 1))
              (i32.eq
                (i32.load (i32.add (global.get $inStarts) (i32.shl (local.get $i) (i32.const 2))))
                (i32.load offset=4 (i32.add (global.get $inStarts) (i32.shl (local.get $i) (i32.const 2))))))
          (then
            (local.set $slot (i32.const 0))
            (block $slotsDone
              (loop $slotEach
                (br_if $slotsDone (i32.ge_u (local.get $slot) (local.get $slots)))
                (f64.store (i32.add (i32.add (local.get $ring) (i32.mul (local.get $slot) (local.get $stride))) (local.get $o)) (local.get $v))
                (local.set $slot (i32.add (local.get $slot) (i32.const 1)))
                (br $slotEach))))
          (else
            (f64.store (i32.add (local.get $ring) (local.get $o)) (local.get $v))
            (i32.store (i32.add (global.get $free) (i32.shl (local.get $nf) (i32.const 2))) (local.get $i))
            (local.set $nf (i32.add (local.get $nf) (i32.const 1)))))
        (br $each)))
    (global.set $nf (local.get $nf))
    (global.set $argMax (i32.const 0))
    (memory.fill (global.get $match) (i32.const 0) (i32.shl (i32.add (local.get $slots) (i32.const 1)) (i32.const 2)))
    (if (i32.gt_s (local.get $maxPeriod) (i32.sub (local.get $slots) (i32.const 1)))
      (then (local.set $maxPeriod (i32.sub (local.get $slots) (i32.const 1)))))

    (local.set $status (i32.const 2))
    (block $stop
      (loop $iterate
        (br_if $stop (i32.ge_s (local.get $step) (local.get $maxSteps)))
        (local.set $step (i32.add (local.get $step) (i32.const 1)))
        (local.set $nxt (i32.add (local.get $cur) (i32.const 1)))
        (if (i32.eq (local.get $nxt) (local.get $slots)) (then (local.set $nxt (i32.const 0))))
        (call $sums (i32.add (local.get $ring) (i32.mul (local.get $cur) (local.get $stride))) (local.get $rule))
        (call $transfer (local.get $nf) (local.get $code) (local.get $lambda))
        (local.set $maxDelta
          (call $scatter
            (i32.add (local.get $ring) (i32.mul (local.get $cur) (local.get $stride)))
            (i32.add (local.get $ring) (i32.mul (local.get $nxt) (local.get $stride)))))
        (local.set $cur (local.get $nxt))
        (if (f64.lt (local.get $maxDelta) (local.get $eps))
          (then
            (local.set $status (i32.const 0))
            (br $stop)))
        ;; Limit cycle: compare with the state p steps back, for p consecutive steps.
        (local.set $p (i32.const 2))
        (block $periodsDone
          (loop $period
            (br_if $periodsDone (i32.gt_s (local.get $p) (local.get $maxPeriod)))
            (br_if $periodsDone (i32.gt_s (local.get $p) (local.get $step)))
            (local.set $back (i32.sub (local.get $nxt) (local.get $p)))
            (if (i32.lt_s (local.get $back) (i32.const 0)) (then (local.set $back (i32.add (local.get $back) (local.get $slots)))))
            (local.set $o (i32.add (global.get $match) (i32.shl (local.get $p) (i32.const 2))))
            (if (call $same
                  (i32.add (local.get $ring) (i32.mul (local.get $nxt) (local.get $stride)))
                  (i32.add (local.get $ring) (i32.mul (local.get $back) (local.get $stride)))
                  (local.get $eps))
              (then
                (local.set $run (i32.add (i32.load (local.get $o)) (i32.const 1)))
                (i32.store (local.get $o) (local.get $run))
                (if (i32.ge_s (local.get $run) (local.get $p))
                  (then
                    (local.set $status (i32.const 1))
                    (local.set $period (local.get $p))
                    (br $stop))))
              (else (i32.store (local.get $o) (i32.const 0))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $period)))
        (br $iterate)))

    ;; The state: the last one, or the mean over one period of the cycle.
    (local.set $i (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.shl (local.get $i) (i32.const 3)))
        (if (i32.eq (local.get $status) (i32.const 1))
          (then
            (local.set $v (f64.const 0))
            (local.set $q (i32.const 0))
            (block $sumDone
              (loop $sum
                (br_if $sumDone (i32.ge_s (local.get $q) (local.get $period)))
                (local.set $slot (i32.sub (local.get $cur) (local.get $q)))
                (if (i32.lt_s (local.get $slot) (i32.const 0)) (then (local.set $slot (i32.add (local.get $slot) (local.get $slots)))))
                (local.set $v
                  (f64.add (local.get $v)
                    (f64.load (i32.add (i32.add (local.get $ring) (i32.mul (local.get $slot) (local.get $stride))) (local.get $o)))))
                (local.set $q (i32.add (local.get $q) (i32.const 1)))
                (br $sum)))
            (local.set $v (f64.div (local.get $v) (f64.convert_i32_s (local.get $period)))))
          (else
            (local.set $v (f64.load (i32.add (i32.add (local.get $ring) (i32.mul (local.get $cur) (local.get $stride))) (local.get $o))))))
        (f64.store (i32.add (global.get $out) (local.get $o)) (local.get $v))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (i32.store (global.get $info) (local.get $status))
    (i32.store offset=4 (global.get $info) (local.get $step))
    (i32.store offset=8 (global.get $info) (local.get $period))))
