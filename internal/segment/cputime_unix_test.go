//go:build unix

package segment

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time used so far by the process. Benchmarks report
// throughput per CPU second as well as per wall second, because wall time is
// meaningless on a loaded machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
