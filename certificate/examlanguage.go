package certificate

import (
	"strings"

	"github.com/kutsekit/kutse/law"
)

// languagesEn translates the exam languages the register writes most often.
var languagesEn = map[string]string{
	"eesti": "Estonian", "vene": "Russian", "inglise": "English", "soome": "Finnish",
	"saksa": "German", "läti": "Latvian", "leedu": "Lithuanian", "rootsi": "Swedish",
	"prantsuse": "French", "ukraina": "Ukrainian", "poola": "Polish",
}

// ExamLanguageIn returns an exam language as the register writes it ([Certificate.ExamLanguage],
// "eesti keel" or "eesti keeles") in lang (GEN-05): unchanged in Estonian; in English the language's
// name ("Estonian") for the languages the register writes most often, else unchanged. The English
// certificate (stamp/pdf) and the verification page (certificate/web) show it so.
func ExamLanguageIn(s string, lang law.Lang) string {
	if lang != law.English {
		return s
	}
	l := strings.ToLower(strings.TrimSpace(s))
	for _, suffix := range [...]string{" keel", " keeles"} {
		if stem, ok := strings.CutSuffix(l, suffix); ok {
			if en, ok := languagesEn[stem]; ok {
				return en
			}
		}
	}
	return s
}
