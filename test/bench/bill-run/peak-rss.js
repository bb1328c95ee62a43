// Preloaded into the bill-run CLI by the benchmark: its peak resident memory and CPU time, reported as it exits.
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`\npeak-rss-kib ${maxRSS} cpu-us ${userCPUTime + systemCPUTime}\n`);
});
