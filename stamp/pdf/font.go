package pdf

import (
	"fmt"
	"sync"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/goregular"
)

// fontName is the font every document uses: Go Regular (golang.org/x/image/font/gofont/goregular),
// compiled into the binary, so no file is read at run time. It has every letter of the Estonian
// alphabet (õ ä ö ü š ž Õ Ä Ö Ü Š Ž), all of Latin-1 and Latin Extended-A, and basic Greek and
// Cyrillic. The name carries a fixed subset tag (six capital letters and "+", ISO 32000-1 § 9.6.4):
// only the glyphs a document uses are embedded.
const fontName = "KUTSEK+GoRegular"

// fontSet is the parsed font, shared read-only by every document: gopdf copies a parsed font out of
// a FontContainer into each document with a subset map of its own, and only reads the parsed tables
// while it writes the subset.
type fontSet struct {
	container *gopdf.FontContainer
	// cover has a bit for each rune of the Basic Multilingual Plane the font has a glyph for.
	cover [0x10000 / 64]uint64
}

var (
	fontsOnce sync.Once
	fonts     *fontSet
	fontsErr  error
)

// loadFonts parses the TrueType font once per process (about 4 ms) and maps which runes it covers.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		fs := &fontSet{container: new(gopdf.FontContainer)}
		if err := fs.container.AddTTFFontDataWithOption(fontName, goregular.TTF, gopdf.TtfOption{Style: gopdf.Regular}); err != nil {
			fontsErr = fmt.Errorf("pdf: parse font Go Regular: %w", err)
			return
		}
		var face gopdf.SubsetFontObj
		face.SetTtfFontOption(gopdf.TtfOption{})
		if err := face.SetTTFData(goregular.TTF); err != nil {
			fontsErr = fmt.Errorf("pdf: parse font Go Regular: %w", err)
			return
		}
		for r := rune(0x20); r < 0x10000; r++ {
			if g, err := face.CharCodeToGlyphIndex(r); err == nil && g != 0 {
				fs.cover[r/64] |= 1 << (r % 64)
			}
		}
		fonts = fs
	})
	return fonts, fontsErr
}

// covers reports whether the document fonts can show r.
func (fs *fontSet) covers(r rune) bool {
	return r >= 0 && r < 0x10000 && fs.cover[r/64]&(1<<(r%64)) != 0
}
