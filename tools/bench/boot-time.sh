#!/usr/bin/env bash
# Benchmark of the kernel core (make bench; figures, not pass/fail):
#  - boot time under TCG, median of 5: from starting QEMU (run-qemu.sh) to the shell prompt
#    ("MenuOS>> ") when the initrd has bin/init, else to the line the kernel prints when it
#    hands over to init; once as `make run` boots (e1000 on user networking: DHCP included,
#    and QEMU's e1000 holds received frames for its first second) and once with --nic none;
#  - kernel ELF text/data/bss (size), ISO size;
#  - a full clean build (make -j2) of the committed tree, in a temporary copy so the shared
#    working tree's build/ is left alone.
# Usage: tools/bench/boot-time.sh [--no-build]   (BOOTS=N for another number of boots)
set -euo pipefail

cd "$(dirname "$0")/../.."
BOOTS=${BOOTS:-5}
PY=/usr/bin/python3
PROMPT=${QA_PROMPT:-MenuOS>>}

[[ -f build/os.iso && -f build/kernel.elf ]] || { echo "boot-time.sh: run make first" >&2; exit 1; }

if tar tf build/initrd.tar 2>/dev/null | grep -x 'bin/init' >/dev/null; then
	marker=$PROMPT
	target="shell prompt"
else
	marker='Run /bin/init|rest_init'
	target="init hand-over (no bin/init in the initrd)"
fi

# Starts run-qemu.sh with the given options, returns the seconds until the marker appears on
# the serial console.
boot_once() {
	"$PY" - "$marker" "$@" <<'PYEOF'
import os, re, signal, subprocess, sys, time
marker = re.compile(sys.argv[1].encode())
t0 = time.monotonic()
p = subprocess.Popen(['./run-qemu.sh', '--timeout', '60'] + sys.argv[2:], stdin=subprocess.DEVNULL,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
buf = b''
elapsed = None
while True:
    chunk = os.read(p.stdout.fileno(), 4096)
    if not chunk:
        break
    buf += chunk
    if marker.search(buf):
        elapsed = time.monotonic() - t0
        break
os.killpg(p.pid, signal.SIGTERM)
p.wait()
if elapsed is None:
    sys.exit("boot-time.sh: marker not seen; output ends with: %r" % buf[-300:])
print('%.3f' % elapsed)
PYEOF
}

# Prints the median of BOOTS boots with the given run-qemu.sh options.
bench_boot() {
	local label=$1 times=() median
	shift
	for ((i = 0; i < BOOTS; i++)); do
		times+=("$(boot_once "$@")")
	done
	median=$(printf '%s\n' "${times[@]}" | sort -n |
		 awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
	echo "boot time to $target, $label (TCG, median of $BOOTS): ${median} s   [runs: ${times[*]}]"
}

bench_boot "default e1000 + user networking" --nic e1000
bench_boot "--nic none" --nic none

read -r text data bss _ < <(size build/kernel.elf | awk 'NR == 2')
echo "kernel.elf: text $text B, data $data B, bss $bss B, file $(stat -c %s build/kernel.elf) B (with debug info)"
echo "os.iso: $(stat -c %s build/os.iso) B"

if [[ ${1:-} != --no-build ]]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	git archive HEAD | tar -x -C "$tmp"
	start=$(date +%s.%N)
	if make -C "$tmp" -j2 all >"$tmp/build.log" 2>&1; then
		echo "clean build (make -j2, committed HEAD): $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
	else
		echo "clean build of committed HEAD failed (see below); no time reported"
		tail -5 "$tmp/build.log"
	fi
fi
