package rel

import (
	"strconv"
	"time"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/text/arabic"
)

// The calendar words of words.yaml, in MatchForm.
var (
	arDays = weekdays("ar_days")
	enDays = weekdays("en_days")
	months = func() map[string]time.Month {
		m := map[string]time.Month{}
		for _, name := range []string{"ar_months", "en_months"} {
			for i, spellings := range lex.Calendar[name] {
				for _, w := range spellings {
					m[w] = time.Month(i + 1)
				}
			}
		}
		return m
	}()
	arOrd = func() map[string]int {
		m := map[string]int{}
		for i, spellings := range lex.Calendar["ar_ordinals"] {
			for _, w := range spellings {
				m[w] = i + 1
			}
		}
		return m
	}()
)

func weekdays(name string) map[string]time.Weekday {
	m := map[string]time.Weekday{}
	for i, spellings := range lex.Calendar[name] {
		for _, w := range spellings {
			m[w] = time.Weekday(i)
		}
	}
	return m
}

// published parses the article date ("2022-01-10" or an RFC 3339 time).
func (x *extractor) published() (time.Time, bool) {
	p := x.d.Published
	if len(p) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", p[:10])
	return t, err == nil
}

// eventDate resolves the date expression of sentence si against the
// published date. Articles without a date give undated relations.
func (x *extractor) eventDate(si int) *model.EventDate {
	if d, ok := x.dates[si]; ok {
		return d
	}
	d := x.resolveDate(si)
	x.dates[si] = d
	return d
}

func (x *extractor) resolveDate(si int) *model.EventDate {
	a, b := x.sentTok[si][0], x.sentTok[si][1]
	pub, ok := x.published()
	if !ok {
		// Only an explicit year can be read without the article's date.
		for i := a; i >= 0 && i+1 < b; i++ {
			if x.bare[i] == wYear || x.bare[i] == "in" {
				if y := x.yearAfter(i+1, b); y > 0 {
					return &model.EventDate{Date: strconv.Itoa(y), Precision: "year"}
				}
			}
		}
		return nil
	}
	day := func(t time.Time) *model.EventDate {
		return &model.EventDate{Date: t.Format("2006-01-02"), Precision: "day"}
	}
	for i := a; i >= 0 && i < b; i++ {
		w := x.bare[i]
		next := ""
		if i+1 < b {
			next = x.bare[i+1]
		}
		// Explicit dates: "الثاني من يناير", "2 يناير", "January 2", "2 January".
		if n, ok := dayNumber(w); ok {
			j := i + 1
			if j < b && x.bare[j] == "من" {
				j++
			}
			if j < b {
				if m, ok := months[x.bare[j]]; ok {
					return day(dateBefore(pub, m, n, x.yearAfter(j+1, b)))
				}
			}
		}
		if m, ok := months[w]; ok && i+1 < b {
			if n, err := strconv.Atoi(x.bare[i+1]); err == nil && n >= 1 && n <= 31 {
				return day(dateBefore(pub, m, n, x.yearAfter(i+2, b)))
			}
		}
		if wd, ok := arDays[w]; ok {
			return day(lastWeekday(pub, wd))
		}
		if wd, ok := enDays[w]; ok {
			return day(lastWeekday(pub, wd))
		}
		if (w == wYear || w == "in") && x.yearAfter(i+1, b) > 0 {
			return &model.EventDate{Date: strconv.Itoa(x.yearAfter(i+1, b)), Precision: "year"}
		}
		switch {
		case w == wAms || w == wBilAms || w == "yesterday":
			return day(pub.AddDate(0, 0, -1))
		case w == wToday || w == "today":
			return day(pub)
		case (w == wWeek && next == wLast) || (w == "last" && next == "week"):
			return &model.EventDate{Date: pub.AddDate(0, 0, -7).Format("2006-01-02"), Precision: "week"}
		case (w == wMonth && next == wLast) || (w == "last" && next == "month"):
			return &model.EventDate{Date: time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01"), Precision: "month"}
		}
	}
	return nil
}

func dayNumber(w string) (int, bool) {
	if n, ok := arOrd[w]; ok {
		return n, true
	}
	if n, err := strconv.Atoi(w); err == nil && n >= 1 && n <= 31 {
		return n, true
	}
	return 0, false
}

// yearAfter reads a four-digit year at token i, 0 when there is none.
func (x *extractor) yearAfter(i, b int) int {
	if i < b {
		if y, err := strconv.Atoi(x.bare[i]); err == nil && y >= 1900 && y <= 2100 {
			return y
		}
	}
	return 0
}

// dateBefore is month/day in year, or else the latest such date on or
// before pub.
func dateBefore(pub time.Time, m time.Month, d, year int) time.Time {
	if year > 0 {
		return time.Date(year, m, d, 0, 0, 0, 0, time.UTC)
	}
	t := time.Date(pub.Year(), m, d, 0, 0, 0, 0, time.UTC)
	if t.After(pub) {
		t = t.AddDate(-1, 0, 0)
	}
	return t
}

// lastWeekday is the latest day on or before pub that falls on wd.
func lastWeekday(pub time.Time, wd time.Weekday) time.Time {
	diff := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -diff)
}

var (
	wAms    = arabic.MatchForm("أمس")
	wBilAms = arabic.MatchForm("بالأمس")
	wToday  = arabic.MatchForm("اليوم")
	wWeek   = arabic.MatchForm("الأسبوع")
	wMonth  = arabic.MatchForm("الشهر")
	wLast   = arabic.MatchForm("الماضي")
	wYear   = arabic.MatchForm("عام")
)
