package store

// The page sizes of the stores' list queries: a query's Limit of 0 means DefaultLimit, and a store
// returns at most MaxLimit records at once.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// Limit returns the number of records a store returns for a query's Limit n: DefaultLimit for 0 or
// less, at most MaxLimit.
func Limit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}
