#!/usr/bin/env python3
"""Sum the TAP files of every test suite into the one closing line `make test` ends with.

Usage: test-summary.py RESULTS_DIR SUITE...
A suite whose TAP file is missing, has no plan, or has fewer results than its plan counts as one
failure (the suite crashed or hung), so a broken runner can never pass silently.
"""
import os
import re
import sys

LINE = re.compile(r'^(not ok|ok)\b\s*\d*\s*-?\s*(.*)$')


def read_suite(path):
    passed, failed, skipped, planned, failures = 0, 0, 0, None, []
    with open(path, errors='replace') as f:
        for raw in f:
            line = raw.rstrip('\n')
            m = re.match(r'^1\.\.(\d+)', line)
            if m:
                planned = int(m.group(1))
                continue
            m = LINE.match(line)
            if not m:
                continue
            status, rest = m.groups()
            if '# SKIP' in rest.upper():
                skipped += 1
            elif status == 'ok':
                passed += 1
            else:
                failed += 1
                failures.append(rest)
    ran = passed + failed + skipped
    if planned is None or ran < planned:
        failed += 1
        failures.append('suite ended early: plan %s, ran %d' % (planned, ran))
    return passed, failed, skipped, failures


def main():
    results, suites = sys.argv[1], sys.argv[2:]
    total = [0, 0, 0]
    for suite in suites:
        path = os.path.join(results, suite + '.tap')
        if os.path.exists(path):
            p, f, s, failures = read_suite(path)
        else:
            p, f, s, failures = 0, 1, 0, ['no results: the suite did not run']
        total[0] += p
        total[1] += f
        total[2] += s
        print('%-16s %4d passed, %d failed, %d skipped' % (suite, p, f, s))
        for name in failures:
            print('    FAILED: %s' % name)
    print('%d passed, %d failed, %d skipped' % tuple(total))
    return 1 if total[1] else 0


if __name__ == '__main__':
    sys.exit(main())
