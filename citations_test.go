package kutse_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// internalSource matches the project's own numbers of its source documents ("(000, 07.05.2026)",
// "(003)"), which mean nothing to a reader of a decision.
var internalSource = regexp.MustCompile(`\(00[0-9](,|\))`)

// TestCitations_GEN06_NoInternalSourceNumbers proves, over every package of the module, that no
// citation a decision carries (a law.Citation's Act or RT) names a source by the project's internal
// document number: user-facing citations name the act or the register's published terms (GEN-06).
func TestCitations_GEN06_NoInternalSourceNumbers(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isCitation(lit.Type) {
				return true
			}
			for _, el := range lit.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if s, ok := kv.Value.(*ast.BasicLit); ok && s.Kind == token.STRING {
					v, _ := strconv.Unquote(s.Value)
					if internalSource.MatchString(v) {
						t.Errorf("%s: a citation names an internal source number: %q", fset.Position(s.Pos()), v)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// isCitation reports whether a composite literal's type is law.Citation (or Citation inside package law).
func isCitation(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && id.Name == "law" && x.Sel.Name == "Citation"
	case *ast.Ident:
		return x.Name == "Citation"
	}
	return false
}
