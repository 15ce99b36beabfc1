#!/usr/bin/env bash
# Runs `make test` on other QGIS versions: Debian 13 "trixie" (QGIS 3.40 LTR) and Debian unstable "sid"
# (QGIS 3.44), each in a Debian root made with debootstrap. Usage: scripts/test_matrix.sh [SUITE...] (as root,
# or through sudo); `make test-matrix` runs it.
#
# Each suite's root is prepared once and cached in $LBE_MATRIX_CACHE/<suite> (default
# /var/tmp/load_by_extent-matrix): debootstrap minbase, git and make, then scripts/install_system_packages.sh
# run inside it. It is prepared again when that script or requirements-dev.txt changes (hash in
# <suite>/.lbe-matrix-hash). A run clones this checkout's HEAD into a folder of the root that is removed
# afterwards (the .venv is made inside the clone), so the cached root stays as prepared; only the sample
# imagery and the test tools' wheels are kept in it, so PyPI is not asked again on every run.
# Prints one line per suite and exits 1 when any suite fails (2 when a root cannot be prepared).
# Logs: $LBE_MATRIX_CACHE/<suite>.log. Needs no standard input; mirror: $MIRROR or the host's apt source.
set -u
cd "$(dirname "$0")/.."
checkout=$(pwd)
if [ "$(id -u)" -ne 0 ]; then  # debootstrap, mount and chroot need root
  command -v sudo >/dev/null || { echo "test_matrix: needs root (debootstrap, mount, chroot)" >&2; exit 2; }
  exec sudo --preserve-env=MIRROR,PYTEST_ARGS,LBE_MATRIX_CACHE,CI bash "$checkout/scripts/test_matrix.sh" "$@"
fi
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(trixie sid)
cache=${LBE_MATRIX_CACHE:-/var/tmp/load_by_extent-matrix}
mkdir -p "$cache"
mirror=${MIRROR:-$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
  || { echo "test_matrix: debootstrap is missing and could not be installed" >&2; exit 2; }
renice -n 10 -p $$ >/dev/null  # the heavy steps (apt, the tests) yield to other work on the machine
path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# What the root is made from: when any of it changes, the root is prepared again.
ROOT_RECIPE=2  # bump when prepare() changes
WHEELS=/root/.cache/lbe-wheels  # in the root: requirements-dev.txt's wheels, for pip without an index
recipe_hash() {
  { echo "$ROOT_RECIPE"; cat scripts/install_system_packages.sh requirements-dev.txt; } | sha256sum | cut -d' ' -f1
}

mounted_under() {  # any mount point at or below $1?
  awk -v root="$1" '$2 == root || index($2, root "/") == 1 { found = 1 } END { exit !found }' /proc/mounts
}

mount_root() {
  mount -t proc proc "$1/proc" &&
    mount --rbind /sys "$1/sys" && mount --make-rslave "$1/sys" &&
    mount --rbind /dev "$1/dev" && mount --make-rslave "$1/dev"  # /dev/shm included: Qt and multiprocessing use it
}

unmount_root() {
  local m
  for m in dev sys proc; do
    mountpoint -q "$1/$m" && umount -R "$1/$m" 2>/dev/null || umount -R -l "$1/$m" 2>/dev/null
  done
  return 0
}

# The network set-up the host has (name server, certificate bundle for networks that inspect TLS).
copy_host_network() {
  cp /etc/resolv.conf "$1/etc/resolv.conf"
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$1/etc/ssl/certs" && cp /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/ca-certificates.crt"
  fi
  # local authorities, kept by the root's update-ca-certificates when its ca-certificates is installed
  if [ -d /usr/local/share/ca-certificates ]; then
    mkdir -p "$1/usr/local/share/ca-certificates" && cp -r /usr/local/share/ca-certificates/. "$1/usr/local/share/ca-certificates/"
  fi
}

in_root() {  # in_root ROOT COMMAND: a clean login-like environment, no standard input
  chroot "$1" /usr/bin/env -i HOME=/root PATH="$path" LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive CI=true \
    /bin/bash -c "$2" </dev/null
}

prepare() {  # prepare SUITE ROOT LOG: a new root in ROOT.new, moved to ROOT when complete
  local suite=$1 root=$2 log=$3 new=$2.new
  if mounted_under "$new"; then echo "test_matrix: $new still has mounts; not removing it" >&2; return 1; fi
  rm -rf "$new"
  debootstrap --variant=minbase "$suite" "$new" "$mirror" >>"$log" 2>&1 || { echo "debootstrap failed" >>"$log"; return 1; }
  # No services start inside the root; unstable's Release file may be past its Valid-Until date.
  printf '#!/bin/sh\nexit 101\n' >"$new/usr/sbin/policy-rc.d" && chmod +x "$new/usr/sbin/policy-rc.d"
  [ "$suite" = sid ] && echo 'Acquire::Check-Valid-Until "false";' >"$new/etc/apt/apt.conf.d/99valid-until"
  copy_host_network "$new"
  mkdir -p "$new/var/tmp/lbe-prepare"
  cp scripts/install_system_packages.sh requirements-dev.txt "$new/var/tmp/lbe-prepare/"
  mount_root "$new" || { echo "could not mount proc, sys and dev in the root" >>"$log"; unmount_root "$new"; return 1; }
  # The project's own install script, as a user runs it; then the wheels of the pinned test tools for
  # this Python (pip's own HTTP cache kept nothing here, behind a TLS-inspecting proxy), and
  # an install from them in a scratch venv, which proves they install here.
  in_root "$new" "set -e; apt-get update -qq; apt-get install -y -qq git make >/dev/null
    sh /var/tmp/lbe-prepare/install_system_packages.sh
    python3 -m venv --system-site-packages /var/tmp/lbe-prepare/venv
    /var/tmp/lbe-prepare/venv/bin/pip download --quiet --disable-pip-version-check -d $WHEELS \\
      -r /var/tmp/lbe-prepare/requirements-dev.txt
    /var/tmp/lbe-prepare/venv/bin/pip install --quiet --disable-pip-version-check --no-index --find-links $WHEELS \\
      -r /var/tmp/lbe-prepare/requirements-dev.txt
    apt-get clean" >>"$log" 2>&1
  local rc=$?
  unmount_root "$new"
  rm -rf "$new/var/tmp/lbe-prepare"
  [ $rc -eq 0 ] || { echo "preparing the root failed (exit $rc)" >>"$log"; return 1; }
  copy_host_network "$new"  # installing ca-certificates rewrote the bundle
  recipe_hash >"$new/.lbe-matrix-hash"
  if mounted_under "$root"; then echo "test_matrix: $root still has mounts; not replacing it" >&2; return 1; fi
  if [ -d "$root/root/.cache/load_by_extent" ]; then  # the sample imagery does not depend on the root
    mkdir -p "$new/root/.cache" && mv "$root/root/.cache/load_by_extent" "$new/root/.cache/"
  fi
  rm -rf "$root" && mv "$new" "$root"
}

current_root=""
run_dir=""
cleanup() {
  [ -n "$current_root" ] && unmount_root "$current_root"
  [ -n "$current_root" ] && unmount_root "$current_root.new"
  [ -n "$run_dir" ] && ! mounted_under "$run_dir" && rm -rf "$run_dir"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failed=0
for suite in "${suites[@]}"; do
  root=$cache/$suite
  log=$cache/$suite.log
  current_root=$root
  # One run per suite at a time: the root's apt and caches are shared.
  exec 9>"$cache/$suite.lock"
  flock 9
  : >"$log"
  if [ ! -f "$root/.lbe-matrix-hash" ] || [ "$(cat "$root/.lbe-matrix-hash")" != "$(recipe_hash)" ]; then
    start=$(date +%s)
    if ! prepare "$suite" "$root" "$log"; then
      echo "== $suite: could not prepare the root (log $log)"; tail -n 5 "$log"
      failed=2; exec 9>&-; continue
    fi
    echo "-- $suite: root prepared in $(( $(date +%s) - start )) s ($(du -sh "$root" | cut -f1))"
  fi
  copy_host_network "$root"
  run_dir=$(mktemp -d "$root/var/tmp/lbe-run.XXXXXX")
  inner=${run_dir#"$root"}
  mkdir -p "$run_dir/home" "$run_dir/tmp"
  if ! git clone -q "$checkout" "$run_dir/project" 2>>"$log" || ! mount_root "$root" 2>>"$log"; then
    unmount_root "$root"; rm -rf "$run_dir"; run_dir=""
    echo "== $suite: could not clone the checkout or mount proc, sys and dev (log $log)"
    failed=2; exec 9>&-; continue
  fi
  versions=$(in_root "$root" 'python3 -c "import sys; from qgis.core import Qgis; from osgeo import gdal
print(Qgis.QGIS_VERSION.split(\"-\")[0], gdal.__version__, sys.version.split()[0])"' 2>/dev/null)
  read -r qgis_version gdal_version python_version <<<"$versions"
  start=$(date +%s)
  # HOME and TMPDIR inside the run folder; the imagery and the wheels in the root's /root/.cache.
  in_root "$root" "cd $inner/project && HOME=$inner/home TMPDIR=$inner/tmp PIP_NO_INDEX=1 PIP_FIND_LINKS=$WHEELS \
    make test DATA_DIR=/root/.cache/load_by_extent PYTEST_ARGS='${PYTEST_ARGS:-}'" >>"$log" 2>&1
  rc=$?
  seconds=$(( $(date +%s) - start ))
  unmount_root "$root"
  mounted_under "$run_dir" || rm -rf "$run_dir"
  run_dir=""
  summary=$(grep -E '^(=+ )?[0-9]+ [a-z]+.* in [0-9.]+s' "$log" | tail -n 1 | sed -E 's/^=+ //; s/ in [0-9.]+s.*//')
  echo "== $suite (QGIS ${qgis_version:-?}, GDAL ${gdal_version:-?}, Python ${python_version:-?}):" \
    "${summary:-no pytest summary, exit $rc} in $seconds s (log $log)"
  if [ $rc -ne 0 ]; then
    grep -E '^(FAILED|ERROR) ' "$log" | sed 's/^/   /'
    [ $failed -eq 0 ] && failed=1
  fi
  exec 9>&-
  current_root=""
done
exit $failed
