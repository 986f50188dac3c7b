;; The FCM inference kernel in WebAssembly (with 128-bit SIMD): the loop of infer.ts's
;; semantics — update every free concept from the previous state, stop at a fixed point or a
;; limit cycle — on arrays that kernel.ts lays out in this module's memory.
;;
;; Why WebAssembly: the same loop in TypeScript ran 1.9–4× slower than plain C, spending its
;; time in bounds-checked typed-array gathers and in the transfer function; here loads are plain
;; and the transfer function runs on two concepts at a time.
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
  ;;   288 c3 (1/6); 296 c4 (1/24); 304 c5 (1/120); 312 c6 (1/720); 320 tanhSaturation (unused
;;   here: see $transfer).

  ;; Layout: byte offsets of the arrays, set by kernel.ts through $layout.
  (global $n (mut i32) (i32.const 0))
  (global $inStarts (mut i32) (i32.const 0))   ;; i32[n + 1]
  (global $inSources (mut i32) (i32.const 0))  ;; i32[m]
  (global $weights (mut i32) (i32.const 0))    ;; f64[m], incoming-CSR order
  (global $start (mut i32) (i32.const 0))      ;; f64[n]
  (global $mask (mut i32) (i32.const 0))       ;; u8[n]: 1 holds the concept at values[i]
  (global $values (mut i32) (i32.const 0))     ;; f64[n]
  (global $free (mut i32) (i32.const 0))       ;; i32[n]: concepts that change
  (global $spans (mut i32) (i32.const 0))      ;; i32[2n]: where their causes start and end in inSources
  (global $xs (mut i32) (i32.const 0))         ;; f64[n + 2], 16-byte aligned: sums, then values
  (global $match (mut i32) (i32.const 0))      ;; i32[66]: run of matches per period
  (global $out (mut i32) (i32.const 0))        ;; f64[n]: the settled state
  (global $info (mut i32) (i32.const 0))       ;; i32[3]: status, steps, period
  (global $ring (mut i32) (i32.const 0))       ;; state after t steps in slot t mod slots; a slot is
                                               ;; n f64 rounded up to 16 bytes

  ;; Per run: number of free concepts, and the one that changed most in the last step.
  (global $nf (mut i32) (i32.const 0))
  (global $argMax (mut i32) (i32.const 0))

  (func (export "layout")
    (param $n i32) (param $inStarts i32) (param $inSources i32) (param $weights i32)
    (param $start i32) (param $mask i32) (param $values i32) (param $free i32) (param $spans i32) (param $xs i32)
    (param $match i32) (param $out i32) (param $info i32) (param $ring i32)
    (global.set $n (local.get $n))
    (global.set $inStarts (local.get $inStarts))
    (global.set $inSources (local.get $inSources))
    (global.set $weights (local.get $weights))
    (global.set $start (local.get $start))
    (global.set $mask (local.get $mask))
    (global.set $values (local.get $values))
    (global.set $free (local.get $free))
    (global.set $spans (local.get $spans))
    (global.set $xs (local.get $xs))
    (global.set $match (local.get $match))
    (global.set $out (local.get $out))
    (global.set $info (local.get $info))
    (global.set $ring (local.get $ring)))

  ;; Pass 1: xs[f] ← the input of free concept f from the state at address $cur.
  ;; rule 0 kosko Σ w·A; 1 modified-kosko A_i + Σ w·A; 2 rescaled (2A_i − 1) + Σ w·(2A − 1).
  ;; Each concept's causes are the span spans[2f] … spans[2f + 1] of inSources (addresses;
  ;; never empty), with the weights at the same positions of the weights array.
  (func $sums (param $cur i32) (param $rule i32)
    (local $f i32) (local $spanP i32) (local $spanEnd i32) (local $xsP i32) (local $freeP i32)
    (local $src i32) (local $srcEnd i32) (local $w i32) (local $wBias i32)
    (local $x f64) (local $self i32)
    (if (i32.eqz (global.get $nf)) (then (return)))
    (local.set $spanP (global.get $spans))
    (local.set $spanEnd (i32.add (global.get $spans) (i32.shl (global.get $nf) (i32.const 3))))
    (local.set $xsP (global.get $xs))
    (local.set $freeP (global.get $free))
    ;; weights address = 2 × sources address + wBias (i32 arithmetic wraps consistently)
    (local.set $wBias (i32.sub (global.get $weights) (i32.shl (global.get $inSources) (i32.const 1))))
    (local.set $self (i32.eq (local.get $rule) (i32.const 1)))
    (if (i32.eq (local.get $rule) (i32.const 2))
      (then
        (loop $each
          (local.set $src (i32.load (local.get $spanP)))
          (local.set $srcEnd (i32.load offset=4 (local.get $spanP)))
          (local.set $w (i32.add (i32.shl (local.get $src) (i32.const 1)) (local.get $wBias)))
          (local.set $x (f64.const 0))
          (loop $edge
            (local.set $x
              (f64.add (local.get $x)
                (f64.mul (f64.load (local.get $w))
                  (f64.sub
                    (f64.mul (f64.const 2)
                      (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $src)) (i32.const 3)))))
                    (f64.const 1)))))
            (local.set $src (i32.add (local.get $src) (i32.const 4)))
            (local.set $w (i32.add (local.get $w) (i32.const 8)))
            (br_if $edge (i32.lt_u (local.get $src) (local.get $srcEnd))))
          (f64.store (local.get $xsP)
            (f64.add (local.get $x)
              (f64.sub
                (f64.mul (f64.const 2)
                  (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $freeP)) (i32.const 3)))))
                (f64.const 1))))
          (local.set $spanP (i32.add (local.get $spanP) (i32.const 8)))
          (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
          (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
          (br_if $each (i32.lt_u (local.get $spanP) (local.get $spanEnd)))))
      (else
        (loop $each
          (local.set $src (i32.load (local.get $spanP)))
          (local.set $srcEnd (i32.load offset=4 (local.get $spanP)))
          (local.set $w (i32.add (i32.shl (local.get $src) (i32.const 1)) (local.get $wBias)))
          (local.set $x (f64.const 0))
          (loop $edge
            (local.set $x
              (f64.add (local.get $x)
                (f64.mul (f64.load (local.get $w))
                  (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $src)) (i32.const 3)))))))
            (local.set $src (i32.add (local.get $src) (i32.const 4)))
            (local.set $w (i32.add (local.get $w) (i32.const 8)))
            (br_if $edge (i32.lt_u (local.get $src) (local.get $srcEnd))))
          (if (local.get $self)
            (then
              (local.set $x
                (f64.add (local.get $x)
                  (f64.load (i32.add (local.get $cur) (i32.shl (i32.load (local.get $freeP)) (i32.const 3))))))))
          (f64.store (local.get $xsP) (local.get $x))
          (local.set $spanP (i32.add (local.get $spanP) (i32.const 8)))
          (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
          (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
          (br_if $each (i32.lt_u (local.get $spanP) (local.get $spanEnd)))))))

  ;; Pass 2: xs[0 … count) ← f(xs) in place, two at a time (an odd count computes one spare
  ;; lane past the end, which nobody reads). code 0 sigmoid, 1 tanh (of λ·x), 2 bivalent,
  ;; 3 trivalent (of x). Exported so that tests can compare it with fast-math.ts directly.
  ;; tanhFast returns ±1 beyond |x| > 19.1 without computing; no test is needed here, as the
  ;; formula gives exactly ±1 there (e^(−2|x|) < 2^−54 vanishes next to 1). The sign of x is
  ;; put back by flipping the sign bit, as −t does.
  (func $transfer (export "transfer") (param $count i32) (param $code i32) (param $lambda f64)
    (local $p i32) (local $end i32)
    (local $X v128) (local $y v128) (local $t v128) (local $c v128) (local $kf v128) (local $r v128)
    (local $k v128) (local $poly v128) (local $e v128)
    (local $vLambda v128) (local $vZero v128) (local $vOne v128) (local $vMinusOne v128)
    (local $vHalf v128) (local $vLowest v128) (local $vInv v128) (local $vHi v128) (local $vLo v128)
    (local $vC3 v128) (local $vC4 v128) (local $vC5 v128) (local $vC6 v128) (local $vSign v128)
    (local $vTri v128)
    (local.set $p (global.get $xs))
    (local.set $end (i32.add (global.get $xs) (i32.shl (i32.shr_u (i32.add (local.get $count) (i32.const 1)) (i32.const 1)) (i32.const 4))))
    (if (i32.ge_u (local.get $p) (local.get $end)) (then (return)))
    (local.set $vZero (f64x2.splat (f64.const 0)))
    (local.set $vOne (f64x2.splat (f64.const 1)))
    (local.set $vMinusOne (f64x2.splat (f64.const -1)))
    (if (i32.ge_u (local.get $code) (i32.const 2))
      (then
        ;; bivalent: x > 0 ? 1 : 0; trivalent: x > 0 ? 1 : x < 0 ? −1 : 0
        (local.set $vTri (v128.const i64x2 0 0))
        (if (i32.eq (local.get $code) (i32.const 3)) (then (local.set $vTri (v128.const i64x2 -1 -1))))
        (loop $pair
          (local.set $X (v128.load (local.get $p)))
          (v128.store (local.get $p)
            (v128.bitselect
              (local.get $vOne)
              (v128.and
                (local.get $vTri)
                (v128.bitselect (local.get $vMinusOne) (local.get $vZero) (f64x2.lt (local.get $X) (local.get $vZero))))
              (f64x2.gt (local.get $X) (local.get $vZero))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $p) (local.get $end))))
        (return)))
    (local.set $vLambda (f64x2.splat (local.get $lambda)))
    (local.set $vHalf (f64x2.splat (f64.const 0.5)))
    (local.set $vSign (v128.const i64x2 0x8000000000000000 0x8000000000000000))
    (local.set $vInv (v128.load64_splat (i32.const 256)))
    (local.set $vHi (v128.load64_splat (i32.const 264)))
    (local.set $vLo (v128.load64_splat (i32.const 272)))
    (local.set $vLowest (v128.load64_splat (i32.const 280)))
    (local.set $vC3 (v128.load64_splat (i32.const 288)))
    (local.set $vC4 (v128.load64_splat (i32.const 296)))
    (local.set $vC5 (v128.load64_splat (i32.const 304)))
    (local.set $vC6 (v128.load64_splat (i32.const 312)))
    (if (i32.eq (local.get $code) (i32.const 1))
      (then
        ;; tanh: ±(1 − e) / (1 + e), e = e^(−2|λx|)
        (loop $pair
          (local.set $X (f64x2.mul (local.get $vLambda) (v128.load (local.get $p))))
          (local.set $y (f64x2.mul (f64x2.splat (f64.const -2)) (f64x2.abs (local.get $X))))
        ;; e = e^y as expNonPositive: y below −700 taken as −700 (pmax(y, L) is y < L ? L : y)
        (local.set $y (f64x2.pmax (local.get $y) (local.get $vLowest)))
        (local.set $t (f64x2.mul (local.get $y) (local.get $vInv)))
        ;; kf = Math.round(t): ceil, minus one when ceil − 0.5 > t
        (local.set $c (f64x2.ceil (local.get $t)))
        (local.set $kf
          (f64x2.sub (local.get $c)
            (v128.and (f64x2.gt (f64x2.sub (local.get $c) (local.get $vHalf)) (local.get $t)) (local.get $vOne))))
        (local.set $r
          (f64x2.sub
            (f64x2.sub (local.get $y) (f64x2.mul (local.get $kf) (local.get $vHi)))
            (f64x2.mul (local.get $kf) (local.get $vLo))))
        (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
        ;; 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + r/720)))))
        (local.set $poly (f64x2.add (local.get $vC5) (f64x2.mul (local.get $r) (local.get $vC6))))
        (local.set $poly (f64x2.add (local.get $vC4) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vC3) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vHalf) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        ;; 2^(k/32) = EXP_FRACTION[k & 31] · 2^(k >> 5): the table entry, with k >> 5 (≥ −1011)
        ;; added to its exponent bits — the same number as the product, which is exact.
        (local.set $e
          (f64x2.mul
            (i64x2.add
              (v128.load64_lane 1
                (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $k)) (i32.const 31)) (i32.const 3))
                (v128.load64_zero
                  (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $k)) (i32.const 31)) (i32.const 3))))
              (i64x2.shl (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $k) (i32.const 5))) (i32.const 52)))
            (local.get $poly)))
          (v128.store (local.get $p)
            (v128.xor
              (f64x2.div (f64x2.sub (local.get $vOne) (local.get $e)) (f64x2.add (local.get $vOne) (local.get $e)))
              (v128.and (f64x2.lt (local.get $X) (local.get $vZero)) (local.get $vSign))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $p) (local.get $end)))))
      (else
        ;; logistic: (x ≥ 0 ? 1 : e) / (1 + e), e = e^(−|λx|)
        (loop $pair
          (local.set $X (f64x2.mul (local.get $vLambda) (v128.load (local.get $p))))
          (local.set $y (f64x2.neg (f64x2.abs (local.get $X))))
        ;; e = e^y as expNonPositive: y below −700 taken as −700 (pmax(y, L) is y < L ? L : y)
        (local.set $y (f64x2.pmax (local.get $y) (local.get $vLowest)))
        (local.set $t (f64x2.mul (local.get $y) (local.get $vInv)))
        ;; kf = Math.round(t): ceil, minus one when ceil − 0.5 > t
        (local.set $c (f64x2.ceil (local.get $t)))
        (local.set $kf
          (f64x2.sub (local.get $c)
            (v128.and (f64x2.gt (f64x2.sub (local.get $c) (local.get $vHalf)) (local.get $t)) (local.get $vOne))))
        (local.set $r
          (f64x2.sub
            (f64x2.sub (local.get $y) (f64x2.mul (local.get $kf) (local.get $vHi)))
            (f64x2.mul (local.get $kf) (local.get $vLo))))
        (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
        ;; 1 + r(1 + r(1/2 + r(1/6 + r(1/24 + r(1/120 + r/720)))))
        (local.set $poly (f64x2.add (local.get $vC5) (f64x2.mul (local.get $r) (local.get $vC6))))
        (local.set $poly (f64x2.add (local.get $vC4) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vC3) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vHalf) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        (local.set $poly (f64x2.add (local.get $vOne) (f64x2.mul (local.get $r) (local.get $poly))))
        ;; 2^(k/32) = EXP_FRACTION[k & 31] · 2^(k >> 5): the table entry, with k >> 5 (≥ −1011)
        ;; added to its exponent bits — the same number as the product, which is exact.
        (local.set $e
          (f64x2.mul
            (i64x2.add
              (v128.load64_lane 1
                (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $k)) (i32.const 31)) (i32.const 3))
                (v128.load64_zero
                  (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $k)) (i32.const 31)) (i32.const 3))))
              (i64x2.shl (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $k) (i32.const 5))) (i32.const 52)))
            (local.get $poly)))
          (v128.store (local.get $p)
            (f64x2.div
              (v128.bitselect (local.get $vOne) (local.get $e) (f64x2.ge (local.get $X) (local.get $vZero)))
              (f64x2.add (local.get $vOne) (local.get $e))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $pair (i32.lt_u (local.get $p) (local.get $end)))))))

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
        ;; |v − a| is v > a ? v − a : a − v to the bit, without a branch to mispredict
        (local.set $d (f64.abs (f64.sub (local.get $v) (local.get $a))))
        (if (f64.gt (local.get $d) (local.get $max))
          (then
            (local.set $max (local.get $d))
            (local.set $arg (i32.load (local.get $freeP)))))
        (local.set $freeP (i32.add (local.get $freeP) (i32.const 4)))
        (local.set $xsP (i32.add (local.get $xsP) (i32.const 8)))
        (br $each)))
    (global.set $argMax (local.get $arg))
    (local.get $max))

  ;; Whether the states at addresses $a and $b agree within ε on every concept, two at a time
  ;; over the whole slot ($bytes, a multiple of 16): concepts that never change, and the spare
  ;; lane of an odd n, hold the same value in every slot and always agree. |d| > ε is
  ;; d > ε or d < −ε to the bit (and, like them, false for NaN). (The driver first compares the
  ;; concept that moved most in the last step: while the map is still converging it differs,
  ;; and this loop is not entered.)
  (func $same (param $a i32) (param $b i32) (param $bytes i32) (param $eps f64) (result i32)
    (local $end i32) (local $vEps v128)
    (local.set $vEps (f64x2.splat (local.get $eps)))
    (local.set $end (i32.add (local.get $a) (local.get $bytes)))
    (loop $pair
      (if (v128.any_true
            (f64x2.gt (f64x2.abs (f64x2.sub (v128.load (local.get $a)) (v128.load (local.get $b)))) (local.get $vEps)))
        (then (return (i32.const 0))))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (local.set $b (i32.add (local.get $b) (i32.const 16)))
      (br_if $pair (i32.lt_u (local.get $a) (local.get $end))))
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
    (local $run i32) (local $maxDelta f64) (local $ring i32) (local $slot i32) (local $span i32)
    (local $causes i32) (local $argAt i32) (local $moved f64) (local $d f64)
    (local.set $n (global.get $n))
    ;; a slot holds n values, rounded up to an even number (16 bytes) for $same
    (local.set $stride (i32.and (i32.add (i32.shl (local.get $n) (i32.const 3)) (i32.const 15)) (i32.const -16)))
    (local.set $ring (global.get $ring))
    ;; Clamped concepts and concepts without causes never change: into every slot once.
    (local.set $i (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
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
            (local.set $span (i32.add (global.get $spans) (i32.shl (local.get $nf) (i32.const 3))))
            (local.set $causes (i32.add (global.get $inStarts) (i32.shl (local.get $i) (i32.const 2))))
            (i32.store (local.get $span) (i32.add (global.get $inSources) (i32.shl (i32.load (local.get $causes)) (i32.const 2))))
            (i32.store offset=4 (local.get $span)
              (i32.add (global.get $inSources) (i32.shl (i32.load offset=4 (local.get $causes)) (i32.const 2))))
            (local.set $nf (i32.add (local.get $nf) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (global.set $nf (local.get $nf))
    (global.set $argMax (i32.const 0))
    ;; the spare lane of an odd n: the same value (0) in every slot
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $slot (i32.const 0))
        (loop $spare
          (f64.store (i32.add (i32.add (local.get $ring) (i32.mul (local.get $slot) (local.get $stride))) (i32.shl (local.get $n) (i32.const 3)))
            (f64.const 0))
          (local.set $slot (i32.add (local.get $slot) (i32.const 1)))
          (br_if $spare (i32.lt_u (local.get $slot) (local.get $slots))))))
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
        ;; Limit cycle: compare with the state p steps back, for p consecutive steps; the concept
        ;; that moved most first.
        (local.set $argAt (i32.shl (global.get $argMax) (i32.const 3)))
        (local.set $moved (f64.load (i32.add (i32.add (local.get $ring) (i32.mul (local.get $nxt) (local.get $stride))) (local.get $argAt))))
        (local.set $p (i32.const 2))
        (block $periodsDone
          (loop $period
            (br_if $periodsDone (i32.gt_s (local.get $p) (local.get $maxPeriod)))
            (br_if $periodsDone (i32.gt_s (local.get $p) (local.get $step)))
            (local.set $back (i32.sub (local.get $nxt) (local.get $p)))
            (if (i32.lt_s (local.get $back) (i32.const 0)) (then (local.set $back (i32.add (local.get $back) (local.get $slots)))))
            (local.set $o (i32.add (global.get $match) (i32.shl (local.get $p) (i32.const 2))))
            (local.set $d
              (f64.sub (local.get $moved)
                (f64.load (i32.add (i32.add (local.get $ring) (i32.mul (local.get $back) (local.get $stride))) (local.get $argAt)))))
            (if (if (result i32)
                  (i32.eqz (i32.or (f64.gt (local.get $d) (local.get $eps)) (f64.lt (local.get $d) (f64.neg (local.get $eps)))))
                  (then
                    (call $same
                      (i32.add (local.get $ring) (i32.mul (local.get $nxt) (local.get $stride)))
                      (i32.add (local.get $ring) (i32.mul (local.get $back) (local.get $stride)))
                      (local.get $stride)
                      (local.get $eps)))
                  (else (i32.const 0)))
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
