package pgstore

// examQueries are the exam packages' statements with the schema filled in.
type examQueries struct{}

func buildExamQueries(schema string) examQueries { return examQueries{} }
