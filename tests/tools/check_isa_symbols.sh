#!/bin/sh
# SPDX-License-Identifier: MIT
# The per-instruction-set kernel objects (block_sparse_cpu_avx2/avx512) must define no weak or unique
# symbols: the linker may keep any copy of such a symbol for every caller, and an AVX-512 copy would
# crash (SIGILL) on a CPU without AVX-512. Arguments: object files (others are ignored).
status=0
found=
for o in "$@"; do
  case "$o" in *block_sparse_cpu_avx*) ;; *) continue ;; esac
  found=1
  weak=$(nm -C --defined-only "$o" | awk '$2 ~ /^[WVuv]$/')
  if [ -n "$weak" ]; then
    echo "$o defines weak symbols:"
    echo "$weak"
    status=1
  else
    echo "$o: no weak symbols"
  fi
done
[ -n "$found" ] || { echo "no per-ISA kernel objects among the arguments"; exit 1; }
exit $status
