package pgstore_test

import (
	"strings"
	"testing"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/classifier/register"
	"github.com/kutsekit/kutse/store/pgstore"
	"github.com/kutsekit/kutse/store/storetest"
)

// bigRegister fills a store with 1,000 standards and ten bodies each awarding all of them: 20,000
// index entries (two versions each), and analyses the tables.
func bigRegister(t testing.TB) *pgstore.Store {
	t.Helper()
	s := newStore(t)
	ctx := t.Context()
	var sts []register.Standard
	for i := range 1000 {
		st := storetest.RegisterStandard(i)
		if i == 500 { // one standard with a name of its own, for a selective keyword
			for j := range st.Versions {
				st.Versions[j].Name = "Puidupingioperaator, tase 4"
			}
		}
		st, err := s.PutStandard(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		sts = append(sts, st)
	}
	for i := range 10 {
		if _, err := s.PutAwardingBody(ctx, storetest.RegisterBody(i, sts...)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := testPool(t).Exec(ctx, "ANALYZE "+s.Schema()+".qualification"); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSearchUsesTheTrigramIndex_APP01 proves that a selective keyword search on a table of 20,000
// entries is served by the trigram index on the folded text (qualification_search), with no
// sequential scan. (A keyword that matches a twentieth of the rows, such as "šokolaadi" here, is
// rightly read by a sequential scan: the planner knows from the statistics.)
func TestSearchUsesTheTrigramIndex_APP01(t *testing.T) {
	s := bigRegister(t)
	for _, kw := range []string{"PUIDUPINGI", "puidupingioperaator tase 4", "Suurköögitöö sokolaadimeister 3"} {
		m, err := register.Query{On: calendar.MustDate(2022, 3, 1), Keyword: kw}.Match()
		if err != nil {
			t.Fatal(err)
		}
		plan, err := s.ExplainSearch(t.Context(), m)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(plan, "Seq Scan") || !strings.Contains(plan, "qualification_search") {
			t.Errorf("keyword %q: the plan does not use the trigram index:\n%s", kw, plan)
		}
		t.Logf("keyword %q:\n%s", kw, plan)
		rows, total, err := s.SearchQualifications(t.Context(), m)
		if err != nil || total == 0 || len(rows) == 0 {
			t.Errorf("keyword %q: %d rows of %d, %v", kw, len(rows), total, err)
		}
	}
}

func BenchmarkSearchQualifications(b *testing.B) {
	s := bigRegister(b)
	for _, c := range []struct{ name, kw string }{{"all", ""}, {"keyword", "sokolaadi"}, {"selective", "puidupingi"}} {
		m, _ := register.Query{On: calendar.MustDate(2022, 3, 1), Keyword: c.kw}.Match()
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := s.SearchQualifications(b.Context(), m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
