#!/usr/bin/env python3
"""Run host test binaries (cmocka, CMOCKA_MESSAGE_OUTPUT=TAP) and merge their TAP into one stream.

Usage: run-tap.py BINARY...
Each test line is renumbered and prefixed with its binary's name. A binary that crashes, times out
or reports fewer results than its plan adds a "not ok" line, so it can never pass silently.
"""
import os
import re
import subprocess
import sys

TIMEOUT = 300


def run(binary):
    env = dict(os.environ, CMOCKA_MESSAGE_OUTPUT='TAP')
    name = os.path.basename(binary)
    if not os.path.exists(binary):
        return [('not ok', '%s: did not build' % name)]
    try:
        p = subprocess.run([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, errors='replace')
        out, err, rc = p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode(errors='replace') if isinstance(e.stdout, bytes) else (e.stdout or '')
        err, rc = 'timeout after %d s' % TIMEOUT, 'timeout'
    results, planned = [], None
    for line in out.splitlines():
        m = re.match(r'^1\.\.(\d+)', line)
        if m:
            planned = int(m.group(1))
            continue
        m = re.match(r'^(not ok|ok)\s+\d+\s*-?\s*(.*)$', line)
        if m:
            results.append((m.group(1), '%s: %s' % (name, m.group(2))))
        elif line.startswith('#'):
            results.append(('comment', line))
    ran = sum(1 for r in results if r[0] != 'comment')
    if planned is None or ran < planned or (rc not in (0, 1) and ran == 0) or rc == 'timeout' or \
            (isinstance(rc, int) and rc < 0):
        tail = ' | '.join(err.strip().splitlines()[-3:])
        results.append(('not ok', '%s: binary failed (exit %s, plan %s, ran %d) %s' %
                        (name, rc, planned, ran, tail)))
    if err.strip():
        sys.stderr.write(err)
    return results


def main():
    allres = []
    for binary in sys.argv[1:]:
        allres.extend(run(binary))
    tests = [r for r in allres if r[0] != 'comment']
    print('1..%d' % len(tests))
    n = 0
    for status, text in allres:
        if status == 'comment':
            print(text)
            continue
        n += 1
        print('%s %d - %s' % (status, n, text))
    return 0


if __name__ == '__main__':
    sys.exit(main())
