package storetest

// duplicateStore is package duplicate's store interface, part of [Store].
type duplicateStore interface{}
