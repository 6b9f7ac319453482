package memstore

// duplicateState holds package duplicate's records; every method reads and writes it under s.mu.
type duplicateState struct{}

func newDuplicateState() duplicateState { return duplicateState{} }
