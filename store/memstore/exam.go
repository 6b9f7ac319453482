package memstore

// examState holds the exam packages' records; every method reads and writes it under s.mu.
type examState struct{}

func newExamState() examState { return examState{} }
