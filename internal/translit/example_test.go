package translit_test

import (
	"fmt"

	"github.com/kg-project/kg/internal/model"
	"github.com/kg-project/kg/internal/translit"
)

func ExampleRomanize() {
	fmt.Println(translit.Romanize("عادل الجبير"))
	fmt.Println(translit.Romanize("محمد بن سلمان"))
	fmt.Println(translit.Romanize("أدولف هتلر"))
	// Output:
	// Adel al-Jubeir
	// Mohammed bin Salman
	// Adolf Hitler
}

func ExampleName() {
	fmt.Println(translit.Name("بنك الألماس", model.Organization, nil))
	fmt.Println(translit.Name("وزارة الخارجية السعودية", model.Organization, nil))
	fmt.Println(translit.Name("جامعة الملك سعود", model.Organization, nil))
	// Output:
	// Diamond Bank
	// Saudi Ministry of Foreign Affairs
	// King Saud University
}
