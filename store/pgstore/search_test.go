package pgstore_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/kutsekit/kutse/calendar"
	"github.com/kutsekit/kutse/certificate"
	"github.com/kutsekit/kutse/store/pgstore"
)

// fillSQL inserts n generated certificates numbered B0000001… in one statement (generate_series, not
// one insert per row). The data are shaped like a register's: 40 first names and 1,000 surnames
// (so a full name is shared by about 25 holders in 10^6, a surname by about 1,000), 50 titles at six
// levels, one row in ten a state-exam certificate (not public), one in twenty hidden, one in a
// hundred invalidated, validity of five years or none from dates spread over 2010–2023.
const fillSQL = `INSERT INTO %[1]s.certificate (number, kind, holder_name, holder_birth, title, standard,
	issuer, issuer_code, issued_on, valid_from, valid_until, hidden, invalidated_on, issued_at,
	search_name, search_entry)
SELECT x.number, x.kind, x.name, x.born, x.title, x.title, 'Kutse andja ' || (g %% 300), 'AB' || (g %% 300),
	x.since, x.since, CASE WHEN g %% 10 < 7 THEN x.since + interval '5 years' - interval '1 day' END,
	g %% 20 = 3, CASE WHEN g %% 100 = 7 THEN x.since + 400 END, now(),
	lower(x.name), lower(x.title) || E'\x1f' || lower(x.title) || E'\x1f' || lower(x.number)
FROM generate_series(1, $1::int) AS g,
LATERAL (SELECT
	'B' || lpad(g::text, 7, '0') AS number,
	CASE WHEN g %% 10 = 5 THEN 7 ELSE 1 END::smallint AS kind,
	(ARRAY['Mari','Jaan','Kadri','Peeter','Liis','Toomas','Anu','Mart','Kristi','Andres','Piret','Tiit',
		'Katrin','Urmas','Eve','Rein','Tiina','Aivar','Maie','Indrek','Kersti','Margus','Sirje','Priit',
		'Ene','Rando','Helen','Siim','Triin','Ott','Karin','Meelis','Reet','Villu','Epp','Kalev','Tuuli',
		'Madis','Liina','Olev'])[1 + g %% 40] || ' ' ||
	(ARRAY['Tamm','Saar','Mets','Kask','Kukk','Rebane','Ilves','Pärn','Koppel','Lepik','Sepp','Kivi',
		'Mägi','Raud','Kuusk','Lill','Oja','Teder','Vaher','Lõhmus'])[1 + (g / 40) %% 20] ||
	(ARRAY['','mäe','salu','vere','oja','puu','maa','küla','jõe','soo','lepa','kase','välja','nurme',
		'pere','aru','mõisa','aia','kalda','metsa','põllu','niidu','rannu','raba','saare','sepa','tee',
		'vainu','järve','ranna','kivi','luha','laane','orgu','ristu','silla','tammi','urgu','välja','ääre',
		'hansu','jüri','kaarli','mardi','pärtli','tõnu','villemi','aadu','juhani','mihkli'])[1 + (g / 800) %% 50] AS name,
	date '1960-01-01' + (g %% 15000) AS born,
	(ARRAY['Kokk','Pagar','Keevitaja','Elektrik','Lapsehoidja','Hooldustöötaja','Raamatupidaja','Müüja',
		'Koristaja','Ehitaja','Maaler','Plaatija','Lukksepp','Autotehnik','Sõiduautodiagnostik','Puusepp',
		'Tisler','Juuksur','Kosmeetik','Florist','Aednik','Metsur','Kalur','Laotöötaja','Logistik',
		'Veokijuht','Bussijuht','Turvatöötaja','Päästja','Hambatehnik','Optik','Fotograaf','Kirjastaja',
		'Trükkal','Õmbleja','Rätsep','Kingsepp','Sepp','Klaasija','Katusepanija','Müürsepp','Betoneerija',
		'Torulukksepp','Ventilatsioonilukksepp','Automaatik','Mehhatroonik','Programmeerija','Analüütik',
		'Projektijuht','Insener'])[1 + g %% 50] || ', tase ' || (2 + g %% 6) AS title,
	date '2010-01-01' + ((g::bigint * 7919) %% 5003)::int AS since) AS x`

// fill migrates a new schema and fills it with n generated certificates, then analyses the table.
func fill(tb testing.TB, db pgstore.DB, schema string, n int) {
	tb.Helper()
	ctx := context.Background()
	if _, err := pgstore.Migrate(ctx, db, &pgstore.Options{Schema: schema}); err != nil {
		tb.Fatal(err)
	}
	q := pgx.Identifier{schema}.Sanitize()
	start := time.Now()
	if _, err := db.Exec(ctx, fmt.Sprintf(fillSQL, q), n); err != nil {
		tb.Fatalf("fill %d rows: %v", n, err)
	}
	if _, err := db.Exec(ctx, "VACUUM ANALYZE "+q+".certificate"); err != nil {
		tb.Fatal(err)
	}
	// Write the load's dirty pages out now, not while the queries are measured (CHECKPOINT needs a
	// superuser or pg_checkpoint: without it the first runs pay for the writes).
	if _, err := db.Exec(ctx, "CHECKPOINT"); err != nil {
		tb.Logf("CHECKPOINT after the load: %v", err)
	}
	tb.Logf("filled %s with %d certificates in %v", schema, n, time.Since(start).Round(time.Millisecond))
}

// searchDay is the date of the searches: every fifth generated certificate is expired on it.
var searchDay = calendar.MustDate(2026, time.November, 22)

// explainQueries are the public queries whose plans must not read the whole table. indexOnly names
// the covering index of migration 0013 that a query walking the public records in number order
// must read index-only (no table row fetched for a record it does not return).
var explainQueries = []struct {
	name      string
	q         certificate.PublicQuery
	indexOnly string
}{
	{"number", certificate.PublicQuery{Number: "B0012346"}, ""},
	{"full name", certificate.PublicQuery{Text: "mari tammaia"}, ""},
	{"surname", certificate.PublicQuery{Text: "ilvessalu"}, ""},
	{"title", certificate.PublicQuery{Text: "ventilatsioonilukksepp"}, "certificate_public_number"},
	{"first page", certificate.PublicQuery{}, ""},
	{"page after", certificate.PublicQuery{After: "B0500000"}, ""},
	{"number as text", certificate.PublicQuery{Text: "b00123"}, ""},
	{"number as text, late", certificate.PublicQuery{Text: "b09123"}, ""},
	{"common word", certificate.PublicQuery{Text: "tase"}, "certificate_public_number"},
	{"kind and text", certificate.PublicQuery{Kind: certificate.Occupational, Text: "tase"}, "certificate_public_number"},
	{"issuer, a title it does not award", certificate.PublicQuery{IssuerCode: "AB17", Text: "kokk"}, "certificate_public_issuer"},
	{"issuer, a title it awards", certificate.PublicQuery{IssuerCode: "AB17", Text: "juuksur"}, "certificate_public_issuer"},
}

// TestPublicSearchUsesIndexes_CERT04 proves with EXPLAIN that the public queries use the indexes of
// migrations 0007 and 0013 and read no table sequentially, on a table of 50,000 vacuumed and
// analysed rows: a number by the primary key, a rare text by the trigram indexes (the name's only
// with the validity on the date, CERT-12), a common text by an index-only walk of the covering
// index of public records (an issuer's own), a page by the primary key or the public index.
func TestPublicSearchUsesIndexes_CERT04(t *testing.T) {
	p := testPool(t)
	opts := freshSchema(t, p)
	ctx := t.Context()
	q := pgx.Identifier{opts.Schema}.Sanitize()
	if _, err := p.Exec(ctx, fmt.Sprintf(fillSQL, q), 50000); err != nil {
		t.Fatal(err)
	}
	// VACUUM sets the visibility map an index-only scan needs, as autovacuum does on a live table.
	if _, err := p.Exec(ctx, "VACUUM ANALYZE "+q+".certificate"); err != nil {
		t.Fatal(err)
	}
	s, err := pgstore.New(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range explainQueries {
		tt.q.On = searchDay
		plan, err := pgstore.ExplainPublic(ctx, s, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s: the plan reads the table sequentially:\n%s", tt.name, plan)
		}
		// A text is found by the trigram indexes, or, where the planner expects many matches, by
		// walking the public records in number order until the page is full: both read no table.
		// A page without a text walks the primary key or the public index.
		want := []string{"certificate_public_number"}
		switch {
		case tt.q.Number != "":
			want = []string{"certificate_pkey", "certificate_public_number"}
		case tt.q.IssuerCode != "":
			want = []string{"certificate_issuer_code", "certificate_public_issuer"}
		case tt.q.Text != "":
			want = append(want, "certificate_search_entry")
		default:
			want = append(want, "certificate_pkey")
		}
		if !slices.ContainsFunc(want, func(ix string) bool { return strings.Contains(plan, ix) }) {
			t.Errorf("%s: the plan uses none of %v:\n%s", tt.name, want, plan)
		}
		// A text of several words is looked up by its words' inner trigrams (wordsPattern).
		if words := strings.ReplaceAll(tt.q.Text, " ", "_"); words != tt.q.Text && !strings.Contains(plan, "'%"+words+"%'") {
			t.Errorf("%s: the plan does not look the words up as %q:\n%s", tt.name, "%"+words+"%", plan)
		}
		if tt.indexOnly != "" && !strings.Contains(plan, "Index Only Scan using "+tt.indexOnly) {
			t.Errorf("%s: the plan does not read %s index-only:\n%s", tt.name, tt.indexOnly, plan)
		}
		t.Logf("%s:\n%s", tt.name, plan)
	}
	// CERT-12: the records awaiting erasure are found by the partial index of migration 0006.
	if plan, err := pgstore.ExplainPersonalDataDue(ctx, s, searchDay); err != nil || strings.Contains(plan, "Seq Scan") ||
		!strings.Contains(plan, "certificate_personal_data_due") {
		t.Errorf("PersonalDataDue's plan (%v) does not use certificate_personal_data_due:\n%s", err, plan)
	}
	// The plans run: a valid holder's name finds them, never an invalid holder's certificates.
	var name string
	if err := p.QueryRow(ctx, "SELECT search_name FROM "+q+`.certificate WHERE NOT hidden AND kind = 1
		AND valid_from <= $1 AND (valid_until IS NULL OR valid_until >= $1) AND invalidated_on IS NULL ORDER BY number LIMIT 1`, searchDay).Scan(&name); err != nil {
		t.Fatal(err)
	}
	cs, err := s.PublicCertificates(ctx, certificate.PublicQuery{On: searchDay, Text: name, Limit: 1000})
	if err != nil || len(cs) == 0 {
		t.Fatalf("search by the name %q = %d, %v", name, len(cs), err)
	}
	for _, c := range cs {
		if c.Hidden || !c.Kind.Public() || c.StatusOn(searchDay) != certificate.Valid {
			t.Errorf("the name found %s (hidden %v, %s, %s on %s)", c.Number, c.Hidden, c.Kind, c.StatusOn(searchDay), searchDay)
		}
	}
}

var (
	bigOnce sync.Once
	bigMade bool
	big     *pgstore.Store
)

// bigSchema is the schema of the 10^6-row benchmarks; TestMain drops it.
var bigSchema = "kutse_bench_" + fmt.Sprint(os.Getpid())

// BenchmarkPublicSearch measures the public queries of the register's search on 10^6 certificates
// (issue 10: ≤ 5 ms on pgstore), each through PublicCertificates with a page of 100. The table is
// filled once per process (a minute or so) and dropped at the end.
func BenchmarkPublicSearch(b *testing.B) {
	p := testPool(b)
	bigOnce.Do(func() {
		bigMade = true // TestMain drops the schema even if filling it fails
		fill(b, p, bigSchema, 1_000_000)
		var err error
		if big, err = pgstore.New(p, &pgstore.Options{Schema: bigSchema}); err != nil {
			b.Fatal(err)
		}
	})
	if big == nil {
		b.Fatal("no benchmark table")
	}
	ctx := context.Background()
	for _, tt := range explainQueries {
		b.Run(strings.ReplaceAll(tt.name, " ", "_"), func(b *testing.B) {
			q := tt.q
			q.On = searchDay
			if plan, err := pgstore.ExecutionTime(ctx, big, q); err == nil {
				b.Logf("%s: %s", tt.name, plan)
			}
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				cs, err := big.PublicCertificates(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(cs)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigMade && pool != nil {
		pool.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{bigSchema}.Sanitize()+" CASCADE") //nolint:errcheck // best effort at exit
	}
	os.Exit(code)
}
