package pdf

// SRGB exposes the output intent's colour profile to the tests.
var SRGB = sRGB

// FontBlock reports the block of a character, for the font subset tests.
func FontBlock(r rune) uint8 { return blockOf(r) }
