package storetest

// examStore is the exam packages' store interfaces, part of [Store].
type examStore interface{}
