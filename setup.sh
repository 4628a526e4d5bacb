#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# etlab set-up: installs Debian packages, fetches and verifies the pinned data packages, builds.
#
#   ./setup.sh            set up only (dependencies, data, build)
#   ./setup.sh app        set up, then launch the GUI on the default database
#   ./setup.sh test       set up, then run the test suite (unit + gui + capped slow subset)
#   ./setup.sh deps|data|build   one stage only
#   ./setup.sh bundle     extract the Debian packages a GPU machine lacks (headers and small libraries)
#                         into .bundle/, which travels with the working tree to .ci/gpu
#
# Environment: ETLAB_BUILD_DIR (default: build), ETLAB_DATA_DIR (default: $XDG_CACHE_HOME/etlab/data),
# ETLAB_BUILD_TYPE (default: Release), ETLAB_CMAKE_ARGS (extra configure arguments).
# Every stage is idempotent: a second run installs, downloads and rebuilds only what is missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
build_dir=${ETLAB_BUILD_DIR:-build}
data_dir=${ETLAB_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/etlab/data}
build_type=${ETLAB_BUILD_TYPE:-Release}

packages=(
  cmake ninja-build g++ ccache pkg-config git ca-certificates
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libtorch-dev libopenblas0-pthread
  libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev libcli11-dev libgtest-dev libgloo-dev
  libpcre2-dev zlib1g-dev libssl-dev sqlite3 python3
  xvfb xauth imagemagick x11-apps xdotool fonts-wqy-microhei
  clang libclang-rt-14-dev
)

stage_start=0
stage() { stage_start=$(date +%s); printf '== %s\n' "$1"; }
stage_done() { printf '== %s done in %ss\n' "$1" "$(( $(date +%s) - stage_start ))"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

deps() {
  stage deps
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "all ${#packages[@]} packages present"
  fi
  stage_done deps
}

verify() {  # verify ALGO CHECKSUM FILE
  local got
  got=$("$1sum" "$3" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "checksum mismatch for $3: expected $1 $2, got $got" >&2
    return 1
  fi
}

fetch_one() {  # fetch_one KEY KIND SPEC ALGO CHECKSUM
  local key=$1 kind=$2 spec=$3 algo=$4 sum=$5 dest="$data_dir/$1" tmp
  # Present, stamped, and every file still matching its SHA-256 (a corrupted cache is fetched again).
  if [ -f "$dest/.etlab-verified" ] && [ "$(cat "$dest/.etlab-verified")" = "$sum" ] && [ -s "$dest/.etlab-files" ] &&
     (cd "$dest" && sha256sum --quiet --status -c .etlab-files 2>/dev/null); then
    return 0
  fi
  tmp=$(mktemp -d)
  echo "fetching $spec"
  if [ "$kind" = npm ]; then
    (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
  else
    (cd "$tmp" && apt-get download -q "$spec" >/dev/null 2>&1) || {
      as_root apt-get update -q >/dev/null && (cd "$tmp" && apt-get download -q "$spec" >/dev/null 2>&1); }
  fi
  local file
  file=$(find "$tmp" -maxdepth 1 -type f \( -name '*.tgz' -o -name '*.deb' \) | head -n 1)
  [ -n "$file" ] || { echo "download of $spec produced no file" >&2; rm -rf "$tmp"; return 1; }
  verify "$algo" "$sum" "$file" || { rm -rf "$tmp"; return 1; }
  rm -rf "$dest.partial" && mkdir -p "$dest.partial"
  if [ "$kind" = npm ]; then
    tar xzf "$file" -C "$dest.partial" --strip-components=1
  else
    dpkg-deb -x "$file" "$tmp/x"
    case "$key" in
      weka) mkdir -p "$dest.partial/reuters" && cp "$tmp"/x/usr/share/doc/weka/examples/Reuters*.arff "$dest.partial/reuters/" ;;
      fortunes) cp -r "$tmp/x/usr/share/games/fortunes" "$dest.partial/fortunes" ;;
      *) cp -r "$tmp/x/." "$dest.partial/" ;;
    esac
  fi
  # Every unpacked file's SHA-256: etlab checks them at first use, so a corrupted cache names itself.
  (cd "$dest.partial" && find . -type f ! -name '.etlab-*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) \
    > "$dest.partial/.etlab-files"
  echo "$sum" > "$dest.partial/.etlab-verified"
  rm -rf "$dest" && mv "$dest.partial" "$dest"
  rm -rf "$tmp"
}

data() {
  stage data
  mkdir -p "$data_dir"
  local n=0
  while IFS=$'\t' read -r key kind spec algo sum _licence; do
    case "$key" in ''|'#'*) continue ;; esac
    fetch_one "$key" "$kind" "$spec" "$algo" "$sum"
    n=$((n + 1))
  done < resources/data/packages.tsv
  echo "$n data packages verified in $data_dir"
  stage_done data
}

# What the core and the CLI need beyond a CUDA LibTorch, CMake and a compiler: fetched from Debian's
# archive and unpacked (not installed) into .bundle/ for a machine that has no package registry.
bundle_packages=(
  nlohmann-json3-dev libcli11-dev libsqlitecpp-dev libsqlite3-dev libsqlite3-0 libgtest-dev
  libpcre2-dev libpcre2-8-0 zlib1g-dev libssl-dev libssl3 pkgconf pkgconf-bin libpkgconf3
)

bundle() {
  stage bundle
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download -q "${bundle_packages[@]}" >/dev/null 2>&1) || {
    as_root apt-get update -q >/dev/null
    (cd "$tmp" && apt-get download -q "${bundle_packages[@]}" >/dev/null)
  }
  rm -rf .bundle
  mkdir -p .bundle
  for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" .bundle; done
  rm -rf "$tmp" .bundle/usr/share/doc .bundle/usr/share/man
  # The .pc files name /usr: pkg-config rewrites them with PKG_CONFIG_SYSROOT_DIR (set by .ci/gpu).
  du -sh .bundle | awk '{print "bundle: " $1 " in .bundle/"}'
  stage_done bundle
}

build() {
  stage build
  if [ ! -f "$build_dir/build.ninja" ]; then
    # shellcheck disable=SC2086
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${ETLAB_CMAKE_ARGS:-}
  fi
  # Torch-including files need ~1.3 GB each to compile: one job per 2 GB of memory, at most the core count.
  local mem_jobs cores
  mem_jobs=$(awk '/MemAvailable/ {print int($2 / 2000000)}' /proc/meminfo)
  cores=$(nproc)
  [ "$mem_jobs" -ge 1 ] || mem_jobs=1
  cmake --build "$build_dir" -j "$(( mem_jobs < cores ? mem_jobs : cores ))"
  stage_done build
}

run_tests() {
  stage "tests (unit + gui)"
  local rc=0
  ctest --test-dir "$build_dir" -L 'unit|gui' --output-on-failure --timeout 300 -j 2 || rc=$?
  stage_done "tests (unit + gui)"
  stage "tests (slow, capped subset)"
  ctest --test-dir "$build_dir" -L slow -LE heavy --output-on-failure --timeout 900 || rc=$?
  stage_done "tests (slow, capped subset)"
  # ASan + UBSan over the torch-free libraries and their unit tests (config, data parsers, store, the
  # fuzzers' regressions): a second small build; the whole suite under sanitizers is `cmake --preset asan`.
  stage "tests (ASan + UBSan, torch-free)"
  { cmake --preset asan-light >/dev/null && cmake --build --preset asan-light -j 2 &&
    ctest --preset asan-light -j 2 --timeout 600; } || rc=$?
  stage_done "tests (ASan + UBSan, torch-free)"
  return $rc
}

launch_app() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "no display found (DISPLAY/WAYLAND_DISPLAY unset); try: xvfb-run -a ./setup.sh app" >&2
  fi
  exec "$build_dir/app/gui/etlab" "$@"
}

total_start=$(date +%s)
cmd=${1:-setup}
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) deps; data; build ;;
  app) deps; data; build; launch_app "$@" ;;
  test) deps; data; build; rc=0; run_tests || rc=$?; echo "== total $(( $(date +%s) - total_start ))s"; exit $rc ;;
  deps) deps ;;
  data) data ;;
  build) build ;;
  bundle) bundle ;;
  *) echo "usage: ./setup.sh [setup|app|test|deps|data|build|bundle]" >&2; exit 2 ;;
esac
echo "== total $(( $(date +%s) - total_start ))s"
