"""pytest plugin: write the results as TAP for tools/test-summary.py (`make test`'s closing line).

Loaded with `-p tap_report` (tests/qemu on PYTHONPATH), enabled by `--tap FILE`. One line per test as soon as it ends (so a run killed half way still leaves the
finished tests, and the missing plan tells the summary the suite ended early), the plan `1..N` last.
passed -> `ok`; failed, error in setup/teardown, collection error, XPASS(strict) -> `not ok` with the
reason as `#` lines under it; skipped -> `ok ... # SKIP reason`; an expected failure -> `ok ... # SKIP
xfail: reason` (counted as skipped, never as passed). Under pytest-xdist only the controller writes.
"""
import os


def pytest_addoption(parser):
    parser.addoption('--tap', metavar='FILE', help='write TAP results to FILE')


def pytest_configure(config):
    path = config.getoption('--tap')
    if path and not hasattr(config, 'workerinput'):
        config.pluginmanager.register(TapWriter(path), 'tap-writer')


def _reason(report):
    text = str(report.longrepr) if report.longrepr else ''
    if report.skipped and isinstance(report.longrepr, tuple):
        text = report.longrepr[2]
    return text


class TapWriter:
    def __init__(self, path):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.f = open(path, 'w', encoding='utf-8')
        self.n = 0

    def _emit(self, ok, name, directive='', diag=''):
        self.n += 1
        line = '%s %d - %s' % ('ok' if ok else 'not ok', self.n, name.replace('#', '_'))
        if directive:
            line += ' # ' + directive.replace('\n', ' ')
        self.f.write(line + '\n')
        for d in diag.splitlines()[-25:]:
            self.f.write('#   %s\n' % d)
        self.f.flush()

    def pytest_collectreport(self, report):
        if report.failed:
            self._emit(False, 'collect %s' % report.nodeid, diag=_reason(report))

    def pytest_runtest_logreport(self, report):
        name = report.nodeid
        xfail = getattr(report, 'wasxfail', None)
        if report.when == 'call':
            if report.passed and xfail is None:
                self._emit(True, name)
            elif report.passed:  # strict=False XPASS: the feature works now, say so loudly
                self._emit(False, name, diag='XPASS: remove the xfail mark (%s)' % xfail)
            elif report.skipped and xfail is not None:
                self._emit(True, name, 'SKIP xfail: %s' % xfail)
            elif report.skipped:
                self._emit(True, name, 'SKIP %s' % _reason(report))
            else:
                self._emit(False, name, diag=_reason(report))
        elif report.when == 'setup':
            if report.skipped:
                self._emit(True, name, 'SKIP %s' % _reason(report).removeprefix('Skipped: '))
            elif report.failed:
                self._emit(False, name + ' (setup)', diag=_reason(report))
        elif report.when == 'teardown' and report.failed:
            self._emit(False, name + ' (teardown)', diag=_reason(report))

    def pytest_sessionfinish(self, session, exitstatus):
        # 0: all passed, 1: some failed (each already has its line). Anything else (usage error, crash,
        # interrupt, workers lost, nothing collected) must not look like a clean run.
        if int(exitstatus) not in (0, 1):
            self._emit(False, 'pytest run', diag='pytest ended with exit status %d' % int(exitstatus))
        self.f.write('1..%d\n' % self.n)
        self.f.close()
