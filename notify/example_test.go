package notify_test

import (
	"context"
	"fmt"

	"github.com/kutsekit/kutse/law"
	"github.com/kutsekit/kutse/notify"
	"github.com/kutsekit/kutse/store"
)

// The register's notices to the owner of 204580, delivered in English by a sender that prints them.
func Example() {
	st, err := registerWithNotices()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &notify.Dispatcher{Outbox: st, Lang: func(notify.Recipient) law.Lang { return law.English },
		Sender: notify.SenderFunc(func(_ context.Context, m notify.Message) error {
			fmt.Println(m.EventID, m.To.Kind, m.Subject)
			return nil
		})}
	r, err := d.Dispatch(context.Background())
	fmt.Printf("%+v %v\n", r, err)
	// Output:
	// 1 person Certificate 204580 has been entered in the register
	// 2 person Certificate 204580 is now hidden
	// 3 person Certificate 204580 has been declared invalid
	// {Sent:3 Retried:0 Dead:0} <nil>
}

// A notice rendered in both languages.
func ExampleRender() {
	st, _ := registerWithNotices()
	evs, _ := st.OutboxEvents(context.Background(), store.EventQuery{})
	for _, lang := range []law.Lang{law.Estonian, law.English} {
		m, err := notify.Render(evs[2], lang)
		fmt.Println(m.Subject, err)
		fmt.Println(m.Body)
	}
	// Output:
	// Tunnistus 204580 on kehtetuks tunnistatud <nil>
	// Tunnistus 204580 (Sõiduautodiagnostik, tase 5) on kehtetuks tunnistatud alates 01.12.2026. Põhjus: võltsitud dokument. Otsus: kutsekomisjoni otsus nr 7.
	// Certificate 204580 has been declared invalid <nil>
	// Certificate 204580 (Sõiduautodiagnostik, tase 5) has been declared invalid from 1 December 2026. Reason: võltsitud dokument. Decision: kutsekomisjoni otsus nr 7.
}
