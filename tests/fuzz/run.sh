#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (cmake --preset fuzz) and runs each for RUNS executions (default 1,000,000)
# from seed corpora made of the test fixtures. Crashers land in build-fuzz/crashers/TARGET/; copy each
# into tests/fixtures/fuzz/ and add it to FuzzRegressions (tests/core/store/test_fuzz_regressions.cpp).
#
#   tests/fuzz/run.sh [TARGET...]        e.g. tests/fuzz/run.sh fuzz_config fuzz_merge
#   RUNS=100000 tests/fuzz/run.sh               fewer executions
#   NO_BUILD=1 tests/fuzz/run.sh fuzz_bpe &     run targets side by side once the build is done
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${RUNS:-1000000}
build=build-fuzz
if [ -z "${NO_BUILD:-}" ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
fi
fixtures=tests/fixtures
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_config fuzz_text_parsers fuzz_images fuzz_bpe fuzz_merge)

seed() {  # seed TARGET: a corpus folder of starting inputs
  local t=$1 dir=$build/corpus/$1 i=0 f
  mkdir -p "$dir"
  case "$t" in
    fuzz_config)
      for f in resources/presets/*.json; do cp "$f" "$dir/"; done
      printf 'lora.r=8' > "$dir/set1"; printf 'attention.topk=auto' > "$dir/set2" ;;
    fuzz_text_parsers)
      # The first byte picks the parser: 0 ARFF, 1 mail, 2 Brown, 3 Brown tagged, 4 fortunes, 5 JSONL, 6 CSV.
      for f in "$fixtures"/corpora/*.arff; do { printf '\x00'; cat "$f"; } > "$dir/arff$((i++))"; done
      for f in "$fixtures"/corpora/*.eml; do { printf '\x01'; cat "$f"; } > "$dir/mail$((i++))"; done
      { printf '\x02'; cat "$fixtures/corpora/brown_snippet"; } > "$dir/brown"
      { printf '\x03'; cat "$fixtures/corpora/brown_snippet"; } > "$dir/tagged"
      { printf '\x04'; cat "$fixtures/corpora/sample_fortunes"; } > "$dir/fortunes"
      for f in "$fixtures"/corpora/*.jsonl; do { printf '\x05'; cat "$f"; } > "$dir/jsonl$((i++))"; done
      for f in "$fixtures"/corpora/*.csv; do { printf '\x06'; cat "$f"; } > "$dir/csv$((i++))"; done ;;
    fuzz_images)
      printf '\x02\x03{"data": [0, 0.5, 1]}' > "$dir/digits"
      { printf '\x00\x00'; printf 'hello' | gzip -c; } > "$dir/gzip" ;;
    fuzz_bpe)
      printf '\x00Hello, world! The quick brown fox.' > "$dir/text"
      printf '\x01\xc4\xa0 t\nh e' > "$dir/merge"
      printf '\x02{"!": 0, "\\"": 1}' > "$dir/encoder" ;;
    fuzz_merge)
      "$build/tests/fuzz/fuzz_merge" --make-seed="$dir/seed.db" >/dev/null 2>&1
      rm -f "$dir"/seed.db-* ;;
  esac
}

for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$build/crashers/$t" "$build/logs"
  max_len=4096 tmp=${TMPDIR:-/tmp} extra=() asan=${ASAN_OPTIONS:-}
  if [ "$t" = fuzz_merge ]; then
    # Each input is a whole database written, snapshotted, checked and merged through SQLite, which
    # allocates a lot: libFuzzer's per-input leak scan and ASan's deep allocation stacks took two
    # thirds of the time. Leaks in the merge are checked by the asan-light unit tests instead.
    max_len=262144 extra=(-detect_leaks=0) asan=${ASAN_OPTIONS:-malloc_context_size=4}
    [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ] && tmp=/dev/shm
  fi
  echo "== $t: $runs executions"
  start=$(date +%s)
  TMPDIR=$tmp ASAN_OPTIONS=$asan "$build/tests/fuzz/$t" -runs="$runs" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 ${extra[@]+"${extra[@]}"} \
    -artifact_prefix="$build/crashers/$t/" "$build/corpus/$t" > "$build/logs/$t.log" 2>&1 || true
  # The whole log stays in build-fuzz/logs/ (a crash's stack and message); here, the summary.
  grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|terminate called)' "$build/logs/$t.log" || true
  echo "== $t done in $(( $(date +%s) - start ))s; crashers: $(ls "$build/crashers/$t" | wc -l); log: $build/logs/$t.log"
done
