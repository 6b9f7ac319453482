package pgstore

// duplicateQueries are package duplicate's statements with the schema filled in.
type duplicateQueries struct{}

func buildDuplicateQueries(schema string) duplicateQueries { return duplicateQueries{} }
