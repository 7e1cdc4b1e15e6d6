//go:build !linux

package stage

const canTrim = false

// trimMappings does nothing where /proc/self/maps is not known.
func trimMappings(string) int64 { return 0 }
