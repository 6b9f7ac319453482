// Package web serves the page the QR codes of the SDK's documents point to: the public register
// entry of a certificate and its validity today (CERT-05: the reprint "carries a link to check the
// certificate's validity"; CERT-06: the digital stamp's QR codes), in Estonian and English (GEN-05),
// as HTML for a person and as JSON for a program. [Handler] is an [net/http.Handler]; a host mounts
// it where its stamp's base URL points.
//
// # URLs
//
// The paths are those package stamp prints ([github.com/kutsekit/kutse/stamp.VerifyURL]), under the host's base URL:
//
//	GET /cert/{number}       the public entry of certificate {number}, e.g. /cert/204580
//	GET /cert/t/{token}      the entry of a hidden certificate, by the token of its stamp's link
//	GET /cert/               a form to look a number up; ?number=… redirects (303) to its page
//
// HEAD is answered as GET without the body; other methods get 405 with Allow: GET, HEAD. A base URL
// with a path (https://example.ee/register) is served by mounting the handler under
// http.StripPrefix; every link and redirect the handler writes is relative, so it works at any
// prefix. ?lang=et or ?lang=en picks the language, otherwise Accept-Language does (matched with
// golang.org/x/text/language), otherwise Estonian; each page links to itself in the other language.
// The reprint of a hidden certificate links to the owner's own page (BaseURL/minu/cert/{number}),
// which needs a login and is the host's, not this handler's.
//
// # What it shows
//
// The certificate is read with [certificate.Registry.Lookup] (by number) or
// [github.com/kutsekit/kutse/stamp.Service.Resolve] (by token), on the registry's date, so the public view's rules hold here
// and change with them: never a personal code or a birth date, the holder's name only while the
// certificate is valid (CERT-12), and a hidden certificate's number answers 404 with exactly the page
// of a number the register does not hold (CERT-04). The status is shown with its explanation
// ([certificate.PublicView.Explain], GEN-06): the finding and the provision it rests on, dates
// written DD.MM.YYYY. A number that no certificate can have (not up to four capital letters and
// 1–10 digits) answers 400; a token that is not 1–128 letters, digits, '-' or '_' answers 404
// without a lookup.
//
// # JSON
//
// A client that prefers application/json to text/html in its Accept header gets an [Entry]:
//
//	{
//	  "number": "204580", "kind": "occupational", "kindName": "kutsetunnistus",
//	  "holderName": "Ema-Kaks Piskel",
//	  "title": "Sõiduautodiagnostik, tase 5", "standard": "Mootorsõidukidiagnostik, tase 5",
//	  "ekrLevel": 5, "eqfLevel": 5, "specialisation": "…", "competences": ["…"],
//	  "examLanguage": "eesti keel", "issuer": "Autonoomse Arenduse Ühing",
//	  "issuedOn": "2025-01-09", "validFrom": "2025-01-09", "validUntil": "2030-01-08",
//	  "status": "valid", "statusText": "kehtiv", "valid": true, "asOf": "2026-11-22",
//	  "explanation": [{"rule": "CERT-02", "citation": "RTL 2009, 2, 32 § 1 lg 3",
//	                   "act": "Kutsetunnistuse statuut ja vorm (HTM määrus nr 74)", "text": "kehtib …"}],
//	  "lang": "et"
//	}
//
// Field names are stable: fields may be added, none renamed or removed. Dates are ISO 8601
// (YYYY-MM-DD); texts are in the negotiated language. Empty fields are left out: holderName while the
// name is not public, validUntil for a certificate with no end date (tähtajatu). Errors are RFC 9457
// problem details ([Problem], application/problem+json).
//
// # Headers
//
// Every response carries a Content-Security-Policy that allows nothing but the page's own inline
// style sheet, by its SHA-256 hash ([ContentSecurityPolicy]: default-src 'none', no script at all,
// form-action 'self', base-uri 'none', frame-ancestors 'none'), X-Content-Type-Options: nosniff,
// X-Frame-Options: DENY, Referrer-Policy: no-referrer (a token never leaves in a Referer),
// Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy: same-origin, X-Robots-Tag: noindex,
// nofollow, noarchive, and over TLS Strict-Transport-Security. Entries and error pages carry Vary:
// Accept, Accept-Language and Content-Language. An entry has a strong ETag (a digest of the body)
// and is served through http.ServeContent, so If-None-Match gets 304 and If-Match 412; its
// Cache-Control is "private, no-cache" (a shared cache keeps no name, and every use revalidates, so
// a certificate hidden or expired since is never shown from a cache); a token page and every error
// "no-store".
//
// # The page
//
// html/template with the templates and the style sheet embedded; no script, no image, no font, no
// request to anywhere: it works without JavaScript and offline from the register's own server. It
// has a lang attribute, one h1, the status in a section with its own heading and in words beside its
// symbol (never colour alone), the entry as a table with a caption and th scope="row", a labelled
// form, visible focus, text contrast of at least 4.5:1 (tested from the sheet's own colours), a
// layout for phones and for print. Headless Chromium from Debian loads it in the tests, and its
// screenshots are in the test's output.
//
// # Choices where the sources are silent
//
//   - Indexing: every page says noindex. A search engine that kept a holder's name would show it after
//     the certificate stopped being valid, when the register no longer may (CERT-12).
//   - A client that accepts neither HTML nor JSON gets HTML (RFC 9110 § 12.5.1 lets a server
//     disregard Accept), not 406; on a tie HTML wins, so browsers always get the page.
//   - The explanation on the page names the act and the provision, not the SDK's rule IDs (which
//     the JSON keeps for programs); an invalidation's reason and decision and a replacing duplicate's
//     number are not shown (see [certificate.PublicView.Explain]).
//   - A path that is not clean (dots, double slashes) answers 404 rather than ServeMux's redirect,
//     which would drop a host's prefix.
//   - A token link reads the date from the stamp service's clock, a number from the registry's:
//     hosts give both the same clock.
//   - The English page names the exam language in English ("Estonian"), as Certificate.pdf does
//     ([certificate.ExamLanguageIn]); the JSON keeps it as the register writes it ("eesti keel").
//
// # Performance
//
// BenchmarkHandler (memstore, one request at a time, -cpu 1) on the go-svc machine (AMD EPYC, 2
// cores, 24 GiB, Go 1.26.8), measured while other work kept the load average at about 14, so the
// wall times are inflated: the HTML page of 204580 took 0.46–0.79 ms per request (median 0.56), its
// JSON 0.17–0.19 ms (median 0.17), the not-found page 0.25–0.37 ms (median 0.29); 450, 107 and 201
// allocations, 44, 12 and 29 KB. The CPU time the process used (user time over 5,000 requests, three
// runs, garbage collection included) is steadier: about 0.12–0.14 ms for the HTML page (some 7,000–
// 8,000 pages a second a core), 0.03–0.04 ms for the JSON, 0.07–0.08 ms for the not-found page; most
// of it is html/template's escaping of the page.
package web
