package gazetteer

// Hand-curated tables: Arabic names the sources lack, QIDs known for certain,
// and corrections. Every list item is one surface form; English forms are
// matched case-insensitively. Keep the tables short and certain: a wrong
// alias merges two real entities.

// curated is one hand-written entity (or additions to a source entity).
// Country is an ISO 3166-1 alpha-2 code. When QID is set and a source entry
// has the same QID, the curated names are merged into it; persons are also
// merged by English name with the leader lists.
type curated struct {
	QID, Type, Name, Country, Role string
	Ar, En                         []string
	ArAmbig                        []string // Arabic forms that are also common words (matched only inside longer names)
	Demonyms                       []string
}

const (
	per = "Person"
	org = "Organization"
	loc = "Location"
)

// curatedOrgs: organisations with Arabic names. QIDs are those of the
// supraverden list (checked) or left empty when not certain.
var curatedOrgs = []curated{
	{QID: "Q1065", Type: org, Name: "United Nations", Ar: []string{"الأمم المتحدة", "منظمة الأمم المتحدة", "هيئة الأمم المتحدة"}, En: []string{"United Nations", "UN", "U.N."}},
	{QID: "Q37470", Type: org, Name: "United Nations Security Council", Ar: []string{"مجلس الأمن", "مجلس الأمن الدولي", "مجلس الأمن التابع للأمم المتحدة"}, En: []string{"Security Council", "UN Security Council", "UNSC"}},
	{QID: "Q47423", Type: org, Name: "United Nations General Assembly", Ar: []string{"الجمعية العامة للأمم المتحدة"}, En: []string{"UN General Assembly", "UNGA"}},
	{QID: "Q205650", Type: org, Name: "United Nations Human Rights Council", Ar: []string{"مجلس حقوق الإنسان", "مجلس حقوق الإنسان التابع للأمم المتحدة"}, En: []string{"Human Rights Council"}},
	{QID: "Q7184", Type: org, Name: "NATO", Ar: []string{"الناتو", "حلف الناتو", "حلف شمال الأطلسي", "حلف شمال الاطلسي", "حلف الأطلسي", "منظمة حلف شمال الأطلسي"}, En: []string{"NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance"}},
	{QID: "Q458", Type: org, Name: "European Union", Ar: []string{"الاتحاد الأوروبي", "الاتحاد الاوروبي", "الإتحاد الأوروبي"}, En: []string{"European Union", "EU"}},
	{QID: "Q8880", Type: org, Name: "European Commission", Ar: []string{"المفوضية الأوروبية"}, En: []string{"European Commission"}},
	{QID: "Q7172", Type: org, Name: "Arab League", Ar: []string{"جامعة الدول العربية", "الجامعة العربية"}, En: []string{"Arab League", "League of Arab States"}},
	{QID: "Q217172", Type: org, Name: "Gulf Cooperation Council", Ar: []string{"مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية", "مجلس التعاون لدول الخليج"}, En: []string{"Gulf Cooperation Council", "GCC"}},
	{QID: "Q7795", Type: org, Name: "OPEC", Ar: []string{"أوبك", "منظمة أوبك", "منظمة الدول المصدرة للنفط", "منظمة البلدان المصدرة للبترول"}, En: []string{"OPEC", "Organization of the Petroleum Exporting Countries"}},
	{QID: "Q1052077", Type: org, Name: "Organization of Arab Petroleum Exporting Countries", Ar: []string{"أوابك", "منظمة الأقطار العربية المصدرة للبترول"}, En: []string{"OAPEC"}},
	{QID: "Q7817", Type: org, Name: "World Health Organization", Ar: []string{"منظمة الصحة العالمية"}, En: []string{"World Health Organization", "WHO"}},
	{QID: "Q7804", Type: org, Name: "International Monetary Fund", Ar: []string{"صندوق النقد الدولي"}, En: []string{"International Monetary Fund", "IMF"}},
	{QID: "Q7164", Type: org, Name: "World Bank", Ar: []string{"البنك الدولي"}, En: []string{"World Bank"}},
	{QID: "Q7825", Type: org, Name: "World Trade Organization", Ar: []string{"منظمة التجارة العالمية"}, En: []string{"World Trade Organization", "WTO"}},
	{QID: "Q7809", Type: org, Name: "UNESCO", Ar: []string{"اليونسكو", "يونسكو", "منظمة اليونسكو"}, En: []string{"UNESCO"}},
	{QID: "Q740308", Type: org, Name: "UNICEF", Ar: []string{"اليونيسف", "يونيسف", "منظمة اليونيسف"}, En: []string{"UNICEF"}},
	{QID: "Q28606331", Type: org, Name: "UNHCR", Ar: []string{"المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "مفوضية الأمم المتحدة لشؤون اللاجئين", "المفوضية السامية لشؤون اللاجئين"}, En: []string{"UNHCR", "UN Refugee Agency"}},
	{QID: "Q846656", Type: org, Name: "UNRWA", Ar: []string{"الأونروا", "وكالة الأونروا", "وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين"}, En: []string{"UNRWA"}},
	{QID: "Q204344", Type: org, Name: "World Food Programme", Ar: []string{"برنامج الأغذية العالمي"}, En: []string{"World Food Programme", "WFP"}},
	{QID: "Q41984", Type: org, Name: "International Atomic Energy Agency", Ar: []string{"الوكالة الدولية للطاقة الذرية"}, En: []string{"International Atomic Energy Agency", "IAEA"}},
	{QID: "Q47488", Type: org, Name: "International Criminal Court", Ar: []string{"المحكمة الجنائية الدولية"}, En: []string{"International Criminal Court", "ICC"}},
	{QID: "Q7801", Type: org, Name: "International Court of Justice", Ar: []string{"محكمة العدل الدولية"}, En: []string{"International Court of Justice", "ICJ"}},
	{QID: "Q7159", Type: org, Name: "African Union", Ar: []string{"الاتحاد الأفريقي", "الاتحاد الإفريقي"}, En: []string{"African Union", "AU"}},
	{QID: "Q485207", Type: org, Name: "Shanghai Cooperation Organisation", Ar: []string{"منظمة شنغهاي للتعاون", "منظمة شنغهاي"}, En: []string{"Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"}},
	{QID: "Q7779", Type: org, Name: "Commonwealth of Independent States", Ar: []string{"رابطة الدول المستقلة"}, En: []string{"Commonwealth of Independent States", "CIS"}},
	{QID: "Q318693", Type: org, Name: "Collective Security Treaty Organization", Ar: []string{"منظمة معاهدة الأمن الجماعي", "معاهدة الأمن الجماعي"}, En: []string{"Collective Security Treaty Organization", "Collective Security Treaty Organisation", "CSTO"}},
	{QID: "Q4173083", Type: org, Name: "Eurasian Economic Union", Ar: []string{"الاتحاد الاقتصادي الأوراسي"}, En: []string{"Eurasian Economic Union", "EAEU"}},
	{QID: "Q47543", Type: org, Name: "Organisation of Islamic Cooperation", Ar: []string{"منظمة التعاون الإسلامي", "منظمة المؤتمر الإسلامي"}, En: []string{"Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "OIC"}},
	{QID: "Q193272", Type: org, Name: "Economic Community of West African States", Ar: []string{"المجموعة الاقتصادية لدول غرب أفريقيا", "إيكواس"}, En: []string{"ECOWAS"}},
	{Type: org, Name: "International Committee of the Red Cross", Ar: []string{"اللجنة الدولية للصليب الأحمر", "الصليب الأحمر", "الصليب الأحمر الدولي"}, En: []string{"International Committee of the Red Cross", "ICRC", "Red Cross"}},
	{Type: org, Name: "Red Crescent", Ar: []string{"الهلال الأحمر"}, En: []string{"Red Crescent"}},
	{Type: org, Name: "BRICS", Ar: []string{"بريكس", "مجموعة بريكس"}, En: []string{"BRICS"}},
	{Type: org, Name: "G20", Ar: []string{"مجموعة العشرين"}, En: []string{"G20", "Group of Twenty"}},
	{Type: org, Name: "G7", Ar: []string{"مجموعة السبع", "مجموعة الدول السبع"}, En: []string{"G7", "Group of Seven"}},
	{Type: org, Name: "Amnesty International", Ar: []string{"منظمة العفو الدولية"}, En: []string{"Amnesty International"}},
	{Type: org, Name: "Human Rights Watch", Ar: []string{"هيومن رايتس ووتش", "منظمة هيومن رايتس ووتش"}, En: []string{"Human Rights Watch"}},
	{Type: org, Name: "Doctors Without Borders", Ar: []string{"أطباء بلا حدود", "منظمة أطباء بلا حدود"}, En: []string{"Doctors Without Borders", "Médecins Sans Frontières", "MSF"}},
	// armed and political movements
	{Type: org, Name: "Hamas", Ar: []string{"حماس", "حركة حماس", "حركة المقاومة الإسلامية"}, En: []string{"Hamas"}, Country: "PS"},
	{Type: org, Name: "Hezbollah", Ar: []string{"حزب الله", "حزب الله اللبناني"}, En: []string{"Hezbollah", "Hizbollah", "Hizballah"}, Country: "LB"},
	{QID: "Q2429253", Type: org, Name: "Islamic State", Ar: []string{"داعش", "تنظيم داعش", "تنظيم الدولة الإسلامية", "الدولة الإسلامية في العراق والشام", "تنظيم الدولة"}, En: []string{"Islamic State", "ISIS", "ISIL", "Daesh"}},
	{QID: "Q42334", Type: org, Name: "Taliban", Ar: []string{"طالبان", "حركة طالبان"}, En: []string{"Taliban"}, Country: "AF"},
	{Type: org, Name: "al-Qaeda", Ar: []string{"تنظيم القاعدة", "تنظيم القاعدة الإرهابي"}, ArAmbig: []string{"القاعدة"}, En: []string{"al-Qaeda", "al-Qaida", "Al Qaeda"}},
	{Type: org, Name: "Houthis", Ar: []string{"الحوثيون", "الحوثيين", "جماعة الحوثي", "جماعة أنصار الله", "أنصار الله"}, En: []string{"Houthis", "Houthi movement", "Ansar Allah"}, Country: "YE"},
	{Type: org, Name: "Muslim Brotherhood", Ar: []string{"جماعة الإخوان المسلمين", "الإخوان المسلمين", "الإخوان المسلمون", "جماعة الإخوان"}, En: []string{"Muslim Brotherhood"}},
	{Type: org, Name: "Fatah", Ar: []string{"حركة فتح"}, En: []string{"Fatah"}, Country: "PS"},
	{Type: org, Name: "Palestine Liberation Organization", Ar: []string{"منظمة التحرير الفلسطينية", "منظمة التحرير"}, En: []string{"Palestine Liberation Organization", "PLO"}, Country: "PS"},
	{Type: org, Name: "Palestinian Authority", Ar: []string{"السلطة الفلسطينية"}, En: []string{"Palestinian Authority"}, Country: "PS"},
	{Type: org, Name: "Palestinian Islamic Jihad", Ar: []string{"حركة الجهاد الإسلامي", "الجهاد الإسلامي"}, En: []string{"Islamic Jihad", "Palestinian Islamic Jihad"}, Country: "PS"},
	{Type: org, Name: "Kurdistan Workers' Party", Ar: []string{"حزب العمال الكردستاني"}, En: []string{"PKK", "Kurdistan Workers' Party"}},
	{Type: org, Name: "Syrian Democratic Forces", Ar: []string{"قوات سوريا الديمقراطية", "قسد"}, En: []string{"Syrian Democratic Forces", "SDF"}, Country: "SY"},
	{Type: org, Name: "Hayat Tahrir al-Sham", Ar: []string{"هيئة تحرير الشام"}, En: []string{"Hayat Tahrir al-Sham", "HTS"}, Country: "SY"},
	{Type: org, Name: "Wagner Group", Ar: []string{"فاغنر", "مجموعة فاغنر", "فاغنر الروسية"}, En: []string{"Wagner Group", "Wagner"}, Country: "RU"},
	{Type: org, Name: "Islamic Revolutionary Guard Corps", Ar: []string{"الحرس الثوري", "الحرس الثوري الإيراني"}, En: []string{"Islamic Revolutionary Guard Corps", "IRGC", "Revolutionary Guards"}, Country: "IR"},
	{Type: org, Name: "Rapid Support Forces", Ar: []string{"قوات الدعم السريع"}, En: []string{"Rapid Support Forces", "RSF"}, Country: "SD"},
	{Type: org, Name: "Boko Haram", Ar: []string{"بوكو حرام", "جماعة بوكو حرام"}, En: []string{"Boko Haram"}, Country: "NG"},
	{Type: org, Name: "al-Shabaab", Ar: []string{"حركة الشباب", "حركة الشباب المجاهدين"}, En: []string{"al-Shabaab"}, Country: "SO"},
	// seats of power used for the government they house
	{Type: org, Name: "Kremlin", Ar: []string{"الكرملين"}, En: []string{"Kremlin", "the Kremlin"}, Country: "RU"},
	{Type: org, Name: "White House", Ar: []string{"البيت الأبيض"}, En: []string{"White House"}, Country: "US"},
	{Type: org, Name: "Pentagon", Ar: []string{"البنتاغون", "البنتاجون", "وزارة الدفاع الأمريكية", "وزارة الدفاع الأميركية"}, En: []string{"Pentagon"}, Country: "US"},
	{Type: org, Name: "Elysee Palace", Ar: []string{"الإليزيه", "قصر الإليزيه"}, En: []string{"Elysee", "Élysée"}, Country: "FR"},
}

// curatedPlaces: regions, seas, historical states and places the country
// and city lists lack. QIDs only where certain.
var curatedPlaces = []curated{
	{QID: "Q15180", Type: loc, Name: "Soviet Union", Ar: []string{"الاتحاد السوفياتي", "الاتحاد السوفيتي", "الاتحاد السوفييتي", "الإتحاد السوفياتي", "الإتحاد السوفيتي", "الاتحاد السوفياتي السابق", "الاتحاد السوفيتي السابق"}, En: []string{"Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"}, Demonyms: []string{"سوفياتي", "سوفيتي", "سوفييتي", "Soviet"}},
	{QID: "Q12560", Type: loc, Name: "Ottoman Empire", Ar: []string{"الدولة العثمانية", "الإمبراطورية العثمانية", "السلطنة العثمانية"}, En: []string{"Ottoman Empire"}, Demonyms: []string{"عثماني", "Ottoman"}},
	{QID: "Q16957", Type: loc, Name: "East Germany", Ar: []string{"ألمانيا الشرقية"}, En: []string{"East Germany", "GDR"}},
	{QID: "Q33946", Type: loc, Name: "Czechoslovakia", Ar: []string{"تشيكوسلوفاكيا"}, En: []string{"Czechoslovakia"}},
	{Type: loc, Name: "Yugoslavia", Ar: []string{"يوغوسلافيا", "يوغسلافيا"}, En: []string{"Yugoslavia"}},
	{QID: "Q27275", Type: loc, Name: "Central Asia", Ar: []string{"آسيا الوسطى", "وسط آسيا"}, En: []string{"Central Asia"}},
	{QID: "Q7204", Type: loc, Name: "Middle East", Ar: []string{"الشرق الأوسط"}, En: []string{"Middle East", "Mideast"}},
	{QID: "Q34575", Type: loc, Name: "Persian Gulf", Ar: []string{"الخليج", "الخليج العربي", "الخليج الفارسي", "منطقة الخليج"}, En: []string{"Persian Gulf", "Arabian Gulf", "the Gulf"}},
	{QID: "Q46", Type: loc, Name: "Europe", Ar: []string{"أوروبا", "أوربا", "القارة الأوروبية"}, En: []string{"Europe"}},
	{QID: "Q48", Type: loc, Name: "Asia", Ar: []string{"آسيا", "القارة الآسيوية"}, En: []string{"Asia"}},
	{QID: "Q15", Type: loc, Name: "Africa", Ar: []string{"أفريقيا", "إفريقيا", "القارة الأفريقية", "القارة السمراء"}, En: []string{"Africa"}},
	{QID: "Q49", Type: loc, Name: "North America", Ar: []string{"أمريكا الشمالية", "أميركا الشمالية"}, En: []string{"North America"}},
	{QID: "Q18", Type: loc, Name: "South America", Ar: []string{"أمريكا الجنوبية", "أميركا الجنوبية"}, En: []string{"South America"}},
	{QID: "Q12585", Type: loc, Name: "Latin America", Ar: []string{"أمريكا اللاتينية", "أميركا اللاتينية"}, En: []string{"Latin America"}},
	{Type: loc, Name: "Southeast Asia", Ar: []string{"جنوب شرق آسيا", "جنوب شرقي آسيا"}, En: []string{"Southeast Asia"}},
	{Type: loc, Name: "North Africa", Ar: []string{"شمال أفريقيا", "شمال إفريقيا"}, En: []string{"North Africa"}},
	{Type: loc, Name: "Maghreb", Ar: []string{"المغرب العربي", "منطقة المغرب العربي"}, En: []string{"Maghreb"}},
	{Type: loc, Name: "Levant", Ar: []string{"بلاد الشام", "المشرق العربي"}, En: []string{"Levant"}},
	{Type: loc, Name: "Balkans", Ar: []string{"البلقان", "منطقة البلقان"}, En: []string{"Balkans"}},
	{Type: loc, Name: "Caucasus", Ar: []string{"القوقاز", "منطقة القوقاز"}, En: []string{"Caucasus"}},
	{Type: loc, Name: "Sahel", Ar: []string{"منطقة الساحل", "الساحل الأفريقي", "منطقة الساحل الأفريقي"}, En: []string{"Sahel"}},
	{Type: loc, Name: "Horn of Africa", Ar: []string{"القرن الأفريقي", "القرن الإفريقي"}, En: []string{"Horn of Africa"}},
	{QID: "Q4918", Type: loc, Name: "Mediterranean Sea", Ar: []string{"البحر المتوسط", "البحر الأبيض المتوسط", "المتوسط"}, En: []string{"Mediterranean", "Mediterranean Sea"}},
	{QID: "Q23406", Type: loc, Name: "Red Sea", Ar: []string{"البحر الأحمر"}, En: []string{"Red Sea"}},
	{Type: loc, Name: "Black Sea", Ar: []string{"البحر الأسود"}, En: []string{"Black Sea"}},
	{Type: loc, Name: "Caspian Sea", Ar: []string{"بحر قزوين"}, En: []string{"Caspian Sea"}},
	{QID: "Q39760", Type: loc, Name: "Gaza Strip", Country: "PS", Ar: []string{"قطاع غزة", "غزة"}, En: []string{"Gaza Strip", "Gaza"}},
	{QID: "Q36678", Type: loc, Name: "West Bank", Country: "PS", Ar: []string{"الضفة الغربية", "الضفة الغربية المحتلة"}, En: []string{"West Bank"}},
	{QID: "Q7835", Type: loc, Name: "Crimea", Ar: []string{"القرم", "شبه جزيرة القرم"}, En: []string{"Crimea"}},
	{Type: loc, Name: "Donbas", Country: "UA", Ar: []string{"دونباس", "حوض دونباس"}, En: []string{"Donbas", "Donbass"}},
	{Type: loc, Name: "Golan Heights", Country: "SY", Ar: []string{"الجولان", "هضبة الجولان", "مرتفعات الجولان", "الجولان المحتل"}, En: []string{"Golan Heights", "Golan"}},
	{Type: loc, Name: "Sinai Peninsula", Country: "EG", Ar: []string{"سيناء", "شبه جزيرة سيناء"}, En: []string{"Sinai", "Sinai Peninsula"}},
	{Type: loc, Name: "Kurdistan Region", Country: "IQ", Ar: []string{"إقليم كردستان", "إقليم كردستان العراق", "كردستان العراق"}, En: []string{"Kurdistan Region", "Iraqi Kurdistan"}},
	{Type: loc, Name: "Kashmir", Ar: []string{"كشمير", "إقليم كشمير"}, En: []string{"Kashmir"}},
	{Type: loc, Name: "Darfur", Country: "SD", Ar: []string{"دارفور", "إقليم دارفور"}, En: []string{"Darfur"}},
	{Type: loc, Name: "Idlib Governorate", Country: "SY", Ar: []string{"محافظة إدلب"}, En: []string{"Idlib Governorate"}},
}

// curatedCityQIDs: QIDs of cities (English name as in world-cities, ISO2)
// known for certain, and Arabic spellings the city list lacks.
var curatedCities = []curated{
	{QID: "Q649", Name: "Moscow", Country: "RU", Ar: []string{"موسكو"}},
	{QID: "Q656", Name: "Saint Petersburg", Country: "RU", Ar: []string{"سان بطرسبرغ", "سانت بطرسبرغ", "بطرسبورغ"}, En: []string{"St Petersburg", "St. Petersburg"}},
	{QID: "Q35493", Name: "Almaty", Country: "KZ", Ar: []string{"ألماتي", "ألما آتا", "ألماطة", "الماتي"}, En: []string{"Alma-Ata"}},
	{QID: "Q1520", Name: "Astana", Country: "KZ", Ar: []string{"أستانا", "أستانة", "نور سلطان"}, En: []string{"Nur-Sultan"}},
	{QID: "Q84", Name: "London", Country: "GB", Ar: []string{"لندن"}},
	{QID: "Q90", Name: "Paris", Country: "FR", Ar: []string{"باريس"}},
	{QID: "Q64", Name: "Berlin", Country: "DE", Ar: []string{"برلين"}},
	{QID: "Q220", Name: "Rome", Country: "IT", Ar: []string{"روما"}},
	{QID: "Q2807", Name: "Madrid", Country: "ES", Ar: []string{"مدريد"}},
	{QID: "Q61", Name: "Washington", Country: "US", Ar: []string{"واشنطن", "واشنطن العاصمة"}, En: []string{"Washington, D.C.", "Washington DC"}},
	{QID: "Q60", Name: "New York City", Country: "US", Ar: []string{"نيويورك", "مدينة نيويورك"}, En: []string{"New York", "New York City"}},
	{QID: "Q956", Name: "Beijing", Country: "CN", Ar: []string{"بكين", "بيجين"}, En: []string{"Peking"}},
	{QID: "Q1490", Name: "Tokyo", Country: "JP", Ar: []string{"طوكيو"}},
	{QID: "Q85", Name: "Cairo", Country: "EG", Ar: []string{"القاهرة"}},
	{QID: "Q87", Name: "Alexandria", Country: "EG", Ar: []string{"الإسكندرية"}},
	{QID: "Q3766", Name: "Damascus", Country: "SY", Ar: []string{"دمشق"}},
	{QID: "Q41183", Name: "Aleppo", Country: "SY", Ar: []string{"حلب"}},
	{QID: "Q1530", Name: "Baghdad", Country: "IQ", Ar: []string{"بغداد"}},
	{QID: "Q3820", Name: "Beirut", Country: "LB", Ar: []string{"بيروت"}},
	{QID: "Q3805", Name: "Amman", Country: "JO", Ar: []string{"عمان", "عمّان"}},
	{QID: "Q3692", Name: "Riyadh", Country: "SA", Ar: []string{"الرياض"}},
	{QID: "Q5806", Name: "Mecca", Country: "SA", Ar: []string{"مكة", "مكة المكرمة"}, En: []string{"Makkah"}},
	{QID: "Q35484", Name: "Medina", Country: "SA", Ar: []string{"المدينة المنورة"}, ArAmbig: []string{"المدينة"}, En: []string{"Madinah"}},
	{QID: "Q374365", Name: "Jeddah", Country: "SA", Ar: []string{"جدة"}, En: []string{"Jidda"}},
	{QID: "Q3861", Name: "Doha", Country: "QA", Ar: []string{"الدوحة"}},
	{QID: "Q1519", Name: "Abu Dhabi", Country: "AE", Ar: []string{"أبوظبي", "أبو ظبي"}},
	{QID: "Q612", Name: "Dubai", Country: "AE", Ar: []string{"دبي"}},
	{QID: "Q35178", Name: "Kuwait City", Country: "KW", Ar: []string{"مدينة الكويت"}},
	{QID: "Q3882", Name: "Manama", Country: "BH", Ar: []string{"المنامة"}},
	{QID: "Q3826", Name: "Muscat", Country: "OM", Ar: []string{"مسقط"}},
	{QID: "Q2471", Name: "Sanaa", Country: "YE", Ar: []string{"صنعاء"}, En: []string{"Sana'a"}},
	{QID: "Q3616", Name: "Tehran", Country: "IR", Ar: []string{"طهران"}},
	{QID: "Q3640", Name: "Ankara", Country: "TR", Ar: []string{"أنقرة"}},
	{QID: "Q406", Name: "Istanbul", Country: "TR", Ar: []string{"إسطنبول", "اسطنبول", "إستانبول"}},
	{QID: "Q1218", Name: "Jerusalem", Country: "", Ar: []string{"القدس", "القدس الشريف"}},
	{QID: "Q33935", Name: "Tel Aviv", Country: "IL", Ar: []string{"تل أبيب"}},
	{QID: "Q39344", Name: "Gaza City", Country: "PS", Ar: []string{"مدينة غزة"}},
	{QID: "Q1899", Name: "Kyiv", Country: "UA", Ar: []string{"كييف", "كيف"}, En: []string{"Kiev"}},
	{QID: "Q42308", Name: "Kharkiv", Country: "UA", Ar: []string{"خاركيف"}, En: []string{"Kharkov"}},
	{QID: "Q1874", Name: "Odesa", Country: "UA", Ar: []string{"أوديسا"}, En: []string{"Odessa"}},
	{QID: "Q2280", Name: "Minsk", Country: "BY", Ar: []string{"مينسك"}},
	{QID: "Q994", Name: "Tbilisi", Country: "GE", Ar: []string{"تبليسي"}},
	{QID: "Q9248", Name: "Baku", Country: "AZ", Ar: []string{"باكو"}},
	{QID: "Q1953", Name: "Yerevan", Country: "AM", Ar: []string{"يريفان"}},
	{QID: "Q269", Name: "Tashkent", Country: "UZ", Ar: []string{"طشقند"}},
	{QID: "Q9361", Name: "Bishkek", Country: "KG", Ar: []string{"بيشكيك"}},
	{QID: "Q9365", Name: "Dushanbe", Country: "TJ", Ar: []string{"دوشنبه"}},
	{QID: "Q5838", Name: "Kabul", Country: "AF", Ar: []string{"كابل"}},
	{QID: "Q1362", Name: "Islamabad", Country: "PK", Ar: []string{"إسلام آباد", "إسلام أباد"}},
	{QID: "Q987", Name: "New Delhi", Country: "IN", Ar: []string{"نيودلهي", "نيو دلهي"}},
	{QID: "Q8684", Name: "Seoul", Country: "KR", Ar: []string{"سول", "سيول"}},
	{QID: "Q18808", Name: "Pyongyang", Country: "KP", Ar: []string{"بيونغ يانغ", "بيونغيانغ"}},
	{QID: "Q3579", Name: "Tripoli", Country: "LY", Ar: []string{"طرابلس"}},
	{QID: "Q3572", Name: "Tunis", Country: "TN", Ar: []string{"تونس العاصمة"}},
	{QID: "Q3561", Name: "Algiers", Country: "DZ", Ar: []string{"الجزائر العاصمة"}},
	{QID: "Q3551", Name: "Rabat", Country: "MA", Ar: []string{"الرباط"}},
	{QID: "Q1963", Name: "Khartoum", Country: "SD", Ar: []string{"الخرطوم"}},
	{QID: "Q239", Name: "Brussels", Country: "BE", Ar: []string{"بروكسل"}},
	{QID: "Q71", Name: "Geneva", Country: "CH", Ar: []string{"جنيف"}},
	{QID: "Q1741", Name: "Vienna", Country: "AT", Ar: []string{"فيينا"}},
	{QID: "Q1524", Name: "Athens", Country: "GR", Ar: []string{"أثينا"}},
	{QID: "Q270", Name: "Warsaw", Country: "PL", Ar: []string{"وارسو"}},
	{QID: "Q1930", Name: "Ottawa", Country: "CA", Ar: []string{"أوتاوا"}},
	{QID: "Q3114", Name: "Canberra", Country: "AU", Ar: []string{"كانبيرا"}},
	{QID: "Q3870", Name: "Nairobi", Country: "KE", Ar: []string{"نيروبي"}},
	{QID: "Q3624", Name: "Addis Ababa", Country: "ET", Ar: []string{"أديس أبابا"}},
}

// curatedPeople: leaders of news relevance with their Arabic names. QIDs
// come from the leader lists when the English name matches; the QIDs given
// here are for people those lists lack and are certain.
var curatedPeople = []curated{
	{QID: "Q7747", Name: "Vladimir Putin", Country: "RU", Role: RoleHeadOfState, Ar: []string{"فلاديمير بوتين", "بوتين", "فلاديمير فلاديميروفيتش بوتين"}, En: []string{"Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"}},
	{Name: "Kassym-Jomart Tokayev", Country: "KZ", Role: RoleHeadOfState, Ar: []string{"قاسم جومارت توكاييف", "قاسم جومرت توكاييف", "قاسم توكاييف", "توكاييف", "توكايف"}, En: []string{"Kassym-Jomart Tokayev", "Tokayev", "Kassym Jomart Tokayev"}},
	{Name: "Nursultan Nazarbayev", Country: "KZ", Role: "former_" + RoleHeadOfState, Ar: []string{"نور سلطان نزارباييف", "نور سلطان نزاربايف", "نزارباييف", "نزاربايف"}, En: []string{"Nursultan Nazarbayev", "Nazarbayev"}},
	{Name: "Mikhail Mishustin", Country: "RU", Ar: []string{"ميخائيل ميشوستين", "ميشوستين"}, En: []string{"Mishustin"}},
	{Name: "Sergey Lavrov", Country: "RU", Role: RoleForeignMinister, Ar: []string{"سيرغي لافروف", "سيرجي لافروف", "لافروف"}, En: []string{"Sergey Lavrov", "Sergei Lavrov", "Lavrov"}},
	{Name: "Dmitry Peskov", Country: "RU", Role: "spokesperson", Ar: []string{"ديمتري بيسكوف", "دميتري بيسكوف", "بيسكوف"}, En: []string{"Dmitry Peskov", "Peskov"}},
	{Name: "Dmitry Medvedev", Country: "RU", Ar: []string{"ديمتري ميدفيديف", "دميتري ميدفيديف", "ميدفيديف"}, En: []string{"Dmitry Medvedev", "Medvedev"}},
	{Name: "Mikhail Gorbachev", Country: "RU", Ar: []string{"ميخائيل غورباتشوف", "غورباتشوف"}, En: []string{"Mikhail Gorbachev", "Gorbachev"}},
	{Name: "Joe Biden", Country: "US", Ar: []string{"جو بايدن", "بايدن"}, En: []string{"Joe Biden", "Biden"}},
	{Name: "Donald Trump", Country: "US", Ar: []string{"دونالد ترامب", "ترامب", "ترمب", "دونالد ترمب"}, En: []string{"Donald Trump", "Trump"}},
	{QID: "Q76", Name: "Barack Obama", Country: "US", Ar: []string{"باراك أوباما", "أوباما"}, En: []string{"Barack Obama", "Obama"}},
	{Name: "Kamala Harris", Country: "US", Ar: []string{"كامالا هاريس"}, En: []string{"Kamala Harris"}},
	{Name: "Antony Blinken", Country: "US", Ar: []string{"أنتوني بلينكن", "بلينكن"}, En: []string{"Antony Blinken", "Blinken"}},
	{Name: "Marco Rubio", Country: "US", Ar: []string{"ماركو روبيو", "روبيو"}, En: []string{"Marco Rubio", "Rubio"}},
	{Name: "Xi Jinping", Country: "CN", Ar: []string{"شي جين بينغ", "شي جينبينغ", "شي جين بينج"}, En: []string{"Xi Jinping"}},
	{Name: "Recep Tayyip Erdoğan", Country: "TR", Ar: []string{"رجب طيب أردوغان", "أردوغان", "اردوغان"}, En: []string{"Recep Tayyip Erdogan", "Erdogan", "Erdoğan"}},
	{Name: "Emmanuel Macron", Country: "FR", Ar: []string{"إيمانويل ماكرون", "إيمانوئيل ماكرون", "ماكرون"}, En: []string{"Emmanuel Macron", "Macron"}},
	{Name: "Olaf Scholz", Country: "DE", Ar: []string{"أولاف شولتس", "أولاف شولتز", "شولتس", "شولتز"}, En: []string{"Olaf Scholz", "Scholz"}},
	{Name: "Friedrich Merz", Country: "DE", Ar: []string{"فريدريش ميرتس", "ميرتس"}, En: []string{"Friedrich Merz", "Merz"}},
	{QID: "Q567", Name: "Angela Merkel", Country: "DE", Ar: []string{"أنجيلا ميركل", "أنغيلا ميركل", "ميركل"}, En: []string{"Angela Merkel", "Merkel"}},
	{Name: "Keir Starmer", Country: "GB", Ar: []string{"كير ستارمر", "ستارمر"}, En: []string{"Keir Starmer", "Starmer"}},
	{Name: "Boris Johnson", Country: "GB", Ar: []string{"بوريس جونسون"}, En: []string{"Boris Johnson"}},
	{Name: "Charles III", Country: "GB", Ar: []string{"الملك تشارلز الثالث", "تشارلز الثالث", "الملك تشارلز"}, En: []string{"Charles III", "King Charles"}},
	{Name: "Volodymyr Zelenskyy", Country: "UA", Ar: []string{"فولوديمير زيلينسكي", "زيلينسكي"}, En: []string{"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky"}},
	{Name: "Alexander Lukashenko", Country: "BY", Ar: []string{"ألكسندر لوكاشينكو", "لوكاشينكو"}, En: []string{"Alexander Lukashenko", "Lukashenko"}},
	{Name: "Benjamin Netanyahu", Country: "IL", Ar: []string{"بنيامين نتنياهو", "نتنياهو"}, En: []string{"Benjamin Netanyahu", "Netanyahu"}},
	{Name: "Isaac Herzog", Country: "IL", Ar: []string{"إسحاق هرتسوغ", "هرتسوغ"}, En: []string{"Isaac Herzog", "Herzog"}},
	{Name: "Mahmoud Abbas", Country: "PS", Ar: []string{"محمود عباس", "أبو مازن"}, En: []string{"Mahmoud Abbas", "Abu Mazen"}},
	{Name: "Abdel Fattah el-Sisi", Country: "EG", Ar: []string{"عبد الفتاح السيسي", "عبدالفتاح السيسي", "السيسي"}, En: []string{"Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", "Sisi", "el-Sisi"}},
	{Name: "Salman of Saudi Arabia", Country: "SA", Role: RoleHeadOfState, Ar: []string{"الملك سلمان بن عبد العزيز", "الملك سلمان بن عبدالعزيز", "سلمان بن عبد العزيز", "سلمان بن عبدالعزيز", "سلمان بن عبد العزيز آل سعود", "الملك سلمان"}, En: []string{"King Salman", "Salman bin Abdulaziz"}},
	{Name: "Mohammed bin Salman", Country: "SA", Role: RoleHeadOfGovernment, Ar: []string{"محمد بن سلمان", "محمد بن سلمان آل سعود", "الأمير محمد بن سلمان"}, En: []string{"Mohammed bin Salman", "MBS"}},
	{Name: "Mohamed bin Zayed Al Nahyan", Country: "AE", Ar: []string{"محمد بن زايد", "محمد بن زايد آل نهيان", "الشيخ محمد بن زايد"}, En: []string{"Mohamed bin Zayed", "Mohammed bin Zayed"}},
	{Name: "Mohammed bin Rashid Al Maktoum", Country: "AE", Ar: []string{"محمد بن راشد آل مكتوم", "محمد بن راشد"}, En: []string{"Mohammed bin Rashid Al Maktoum"}},
	{Name: "Tamim bin Hamad Al Thani", Country: "QA", Ar: []string{"تميم بن حمد آل ثاني", "تميم بن حمد", "الشيخ تميم بن حمد آل ثاني"}, En: []string{"Tamim bin Hamad Al Thani", "Sheikh Tamim"}},
	{Name: "Abdullah II of Jordan", Country: "JO", Ar: []string{"الملك عبد الله الثاني", "عبد الله الثاني", "عبدالله الثاني", "الملك عبدالله الثاني"}, En: []string{"King Abdullah II", "Abdullah II"}},
	{Name: "Haitham bin Tariq", Country: "OM", Ar: []string{"هيثم بن طارق", "السلطان هيثم بن طارق"}, En: []string{"Haitham bin Tariq"}},
	{Name: "Hamad bin Isa Al Khalifa", Country: "BH", Ar: []string{"حمد بن عيسى آل خليفة", "حمد بن عيسى"}, En: []string{"Hamad bin Isa Al Khalifa"}},
	{Name: "Mohammed VI of Morocco", Country: "MA", Ar: []string{"الملك محمد السادس", "محمد السادس"}, En: []string{"Mohammed VI", "King Mohammed VI"}},
	{Name: "Abdelmadjid Tebboune", Country: "DZ", Ar: []string{"عبد المجيد تبون", "عبدالمجيد تبون", "تبون"}, En: []string{"Abdelmadjid Tebboune", "Tebboune"}},
	{Name: "Kais Saied", Country: "TN", Ar: []string{"قيس سعيد"}, En: []string{"Kais Saied"}},
	{QID: "Q44329", Name: "Bashar al-Assad", Country: "SY", Ar: []string{"بشار الأسد", "بشار حافظ الأسد"}, En: []string{"Bashar al-Assad", "Assad", "Bashar Assad"}},
	{Name: "Ahmed al-Sharaa", Country: "SY", Ar: []string{"أحمد الشرع", "أبو محمد الجولاني"}, En: []string{"Ahmed al-Sharaa", "Abu Mohammad al-Julani"}},
	{Name: "Ali Khamenei", Country: "IR", Ar: []string{"علي خامنئي", "خامنئي", "آية الله علي خامنئي", "علي خامنئي"}, En: []string{"Ali Khamenei", "Khamenei"}},
	{Name: "Ebrahim Raisi", Country: "IR", Ar: []string{"إبراهيم رئيسي"}, En: []string{"Ebrahim Raisi", "Raisi"}},
	{Name: "Masoud Pezeshkian", Country: "IR", Ar: []string{"مسعود بزشكيان", "بزشكيان"}, En: []string{"Masoud Pezeshkian", "Pezeshkian"}},
	{Name: "Hassan Rouhani", Country: "IR", Ar: []string{"حسن روحاني"}, En: []string{"Hassan Rouhani", "Rouhani"}},
	{Name: "Mohammed Shia' al-Sudani", Country: "IQ", Ar: []string{"محمد شياع السوداني"}, En: []string{"Mohammed Shia al-Sudani"}},
	{Name: "Najib Mikati", Country: "LB", Ar: []string{"نجيب ميقاتي", "ميقاتي"}, En: []string{"Najib Mikati", "Mikati"}},
	{Name: "Joseph Aoun", Country: "LB", Ar: []string{"جوزاف عون", "جوزيف عون"}, En: []string{"Joseph Aoun"}},
	{Name: "Michel Aoun", Country: "LB", Ar: []string{"ميشال عون", "ميشيل عون"}, En: []string{"Michel Aoun"}},
	{Name: "Nawaf Salam", Country: "LB", Ar: []string{"نواف سلام"}, En: []string{"Nawaf Salam"}},
	{Name: "Abdel Fattah al-Burhan", Country: "SD", Ar: []string{"عبد الفتاح البرهان", "عبدالفتاح البرهان", "البرهان"}, En: []string{"Abdel Fattah al-Burhan", "Burhan"}},
	{Name: "Khalifa Haftar", Country: "LY", Ar: []string{"خليفة حفتر", "حفتر"}, En: []string{"Khalifa Haftar", "Haftar"}},
	{Name: "Abdul Hamid Dbeibeh", Country: "LY", Ar: []string{"عبد الحميد الدبيبة", "عبدالحميد الدبيبة", "الدبيبة"}, En: []string{"Abdul Hamid Dbeibeh", "Dbeibah"}},
	{Name: "Ismail Haniyeh", Country: "PS", Ar: []string{"إسماعيل هنية", "هنية"}, En: []string{"Ismail Haniyeh", "Haniyeh"}},
	{Name: "Yahya Sinwar", Country: "PS", Ar: []string{"يحيى السنوار", "السنوار"}, En: []string{"Yahya Sinwar", "Sinwar"}},
	{Name: "Hassan Nasrallah", Country: "LB", Ar: []string{"حسن نصر الله", "حسن نصرالله", "نصر الله", "نصرالله"}, En: []string{"Hassan Nasrallah", "Nasrallah"}},
	{Name: "Abdul-Malik al-Houthi", Country: "YE", Ar: []string{"عبد الملك الحوثي", "عبدالملك الحوثي"}, En: []string{"Abdul-Malik al-Houthi"}},
	{QID: "Q1316", Name: "Saddam Hussein", Country: "IQ", Ar: []string{"صدام حسين"}, En: []string{"Saddam Hussein", "Saddam"}},
	{QID: "Q19878", Name: "Muammar Gaddafi", Country: "LY", Ar: []string{"معمر القذافي", "القذافي"}, En: []string{"Muammar Gaddafi", "Gaddafi", "Qaddafi"}},
	{QID: "Q1317", Name: "Osama bin Laden", Ar: []string{"أسامة بن لادن", "بن لادن"}, En: []string{"Osama bin Laden", "bin Laden"}},
	{Name: "Abu Bakr al-Baghdadi", Ar: []string{"أبو بكر البغدادي"}, En: []string{"Abu Bakr al-Baghdadi"}},
	{Name: "Narendra Modi", Country: "IN", Ar: []string{"ناريندرا مودي", "مودي"}, En: []string{"Narendra Modi", "Modi"}},
	{Name: "Shehbaz Sharif", Country: "PK", Ar: []string{"شهباز شريف"}, En: []string{"Shehbaz Sharif"}},
	{Name: "Imran Khan", Country: "PK", Ar: []string{"عمران خان"}, En: []string{"Imran Khan"}},
	{Name: "Kim Jong Un", Country: "KP", Ar: []string{"كيم جونغ أون", "كيم جونغ اون"}, En: []string{"Kim Jong Un", "Kim Jong-un"}},
	{Name: "Giorgia Meloni", Country: "IT", Ar: []string{"جورجيا ميلوني", "ميلوني"}, En: []string{"Giorgia Meloni", "Meloni"}},
	{Name: "Pedro Sánchez", Country: "ES", Ar: []string{"بيدرو سانشيز"}, En: []string{"Pedro Sanchez", "Pedro Sánchez"}},
	{Name: "Justin Trudeau", Country: "CA", Ar: []string{"جاستن ترودو", "ترودو"}, En: []string{"Justin Trudeau", "Trudeau"}},
	{Name: "Ursula von der Leyen", Ar: []string{"أورسولا فون دير لاين", "فون دير لاين"}, En: []string{"Ursula von der Leyen", "von der Leyen"}},
	{Name: "António Guterres", Ar: []string{"أنطونيو غوتيريش", "أنطونيو غوتيريس", "غوتيريش", "غوتيريس"}, En: []string{"Antonio Guterres", "António Guterres", "Guterres"}},
	{Name: "Ilham Aliyev", Country: "AZ", Ar: []string{"إلهام علييف", "علييف"}, En: []string{"Ilham Aliyev", "Aliyev"}},
	{Name: "Nikol Pashinyan", Country: "AM", Ar: []string{"نيكول باشينيان", "باشينيان"}, En: []string{"Nikol Pashinyan", "Pashinyan"}},
	{Name: "Shavkat Mirziyoyev", Country: "UZ", Ar: []string{"شوكت ميرضيائيف", "ميرضيائيف"}, En: []string{"Shavkat Mirziyoyev", "Mirziyoyev"}},
	{Name: "Viktor Orbán", Country: "HU", Ar: []string{"فيكتور أوربان", "أوربان"}, En: []string{"Viktor Orban", "Viktor Orbán", "Orban"}},
	{Name: "Jens Stoltenberg", Ar: []string{"ينس ستولتنبرغ", "ستولتنبرغ"}, En: []string{"Jens Stoltenberg", "Stoltenberg"}},
	{Name: "Mark Rutte", Country: "NL", Ar: []string{"مارك روته", "روته"}, En: []string{"Mark Rutte", "Rutte"}},
	{Name: "Josep Borrell", Ar: []string{"جوزيب بوريل", "بوريل"}, En: []string{"Josep Borrell", "Borrell"}},
	{Name: "Luiz Inácio Lula da Silva", Country: "BR", Ar: []string{"لولا دا سيلفا", "لويس إيناسيو لولا دا سيلفا"}, En: []string{"Lula da Silva", "Lula"}},
	{Name: "Nicolás Maduro", Country: "VE", Ar: []string{"نيكولاس مادورو", "مادورو"}, En: []string{"Nicolas Maduro", "Maduro"}},
	{Name: "Cyril Ramaphosa", Country: "ZA", Ar: []string{"سيريل رامافوزا", "رامافوزا"}, En: []string{"Cyril Ramaphosa", "Ramaphosa"}},
	{Name: "Abiy Ahmed", Country: "ET", Ar: []string{"آبي أحمد"}, En: []string{"Abiy Ahmed"}},
	{Name: "Hosni Mubarak", Country: "EG", Ar: []string{"حسني مبارك", "محمد حسني مبارك"}, En: []string{"Hosni Mubarak", "Mubarak"}},
	{Name: "Mohamed Morsi", Country: "EG", Ar: []string{"محمد مرسي"}, En: []string{"Mohamed Morsi", "Morsi"}},
}

// Arabic demonym stems (masculine singular, without the article) by ISO2,
// used instead of the generated ones. Several stems may be given. Plural
// forms that are not regular (الروس، الأتراك) go in arabicDemonymPlurals.
var arabicDemonyms = map[string][]string{
	"US": {"أمريكي", "أميركي"}, "GB": {"بريطاني"}, "SA": {"سعودي"}, "AE": {"إماراتي"},
	"KR": {"كوري جنوبي"}, "KP": {"كوري شمالي"}, "AF": {"أفغاني", "أفغانستاني"}, "RU": {"روسي"},
	"DE": {"ألماني"}, "AT": {"نمساوي"}, "CH": {"سويسري"}, "NL": {"هولندي"}, "BE": {"بلجيكي"},
	"GR": {"يوناني"}, "CY": {"قبرصي"}, "SE": {"سويدي"}, "NO": {"نرويجي"}, "DK": {"دنماركي"},
	"FI": {"فنلندي"}, "PL": {"بولندي"}, "CZ": {"تشيكي"}, "HU": {"مجري", "هنغاري"}, "PT": {"برتغالي"},
	"IE": {"إيرلندي", "أيرلندي"}, "UA": {"أوكراني"}, "BY": {"بيلاروسي"}, "GE": {"جورجي"},
	"AM": {"أرمني"}, "AZ": {"أذربيجاني", "أذري"}, "TR": {"تركي"}, "IR": {"إيراني"}, "IQ": {"عراقي"},
	"SY": {"سوري"}, "LB": {"لبناني"}, "JO": {"أردني"}, "PS": {"فلسطيني"}, "IL": {"إسرائيلي"},
	"EG": {"مصري"}, "LY": {"ليبي"}, "TN": {"تونسي"}, "DZ": {"جزائري"}, "MA": {"مغربي"},
	"SD": {"سوداني"}, "SS": {"جنوب سوداني"}, "YE": {"يمني"}, "OM": {"عماني"}, "QA": {"قطري"},
	"KW": {"كويتي"}, "BH": {"بحريني"}, "MR": {"موريتاني"}, "SO": {"صومالي"}, "DJ": {"جيبوتي"},
	"KM": {"قمري"}, "CN": {"صيني"}, "JP": {"ياباني"}, "IN": {"هندي"}, "PK": {"باكستاني"},
	"BD": {"بنغالي", "بنغلاديشي"}, "ID": {"إندونيسي"}, "MY": {"ماليزي"}, "FR": {"فرنسي"},
	"IT": {"إيطالي"}, "ES": {"إسباني"}, "CA": {"كندي"}, "MX": {"مكسيكي"}, "BR": {"برازيلي"},
	"AR": {"أرجنتيني"}, "VE": {"فنزويلي"}, "CU": {"كوبي"}, "AU": {"أسترالي"}, "NZ": {"نيوزيلندي"},
	"NG": {"نيجيري"}, "NE": {"نيجري"}, "ET": {"إثيوبي"}, "ER": {"إريتري"}, "KE": {"كيني"},
	"KZ": {"كازاخستاني", "كازاخي"}, "UZ": {"أوزبكي", "أوزبكستاني"}, "KG": {"قرغيزي", "قيرغيزي", "قرغيزستاني"},
	"TJ": {"طاجيكي", "طاجيكستاني"}, "TM": {"تركمانستاني", "تركماني"}, "MN": {"منغولي"},
	"VN": {"فيتنامي"}, "TH": {"تايلاندي"}, "PH": {"فلبيني"}, "RS": {"صربي"}, "HR": {"كرواتي"},
	"BA": {"بوسني"}, "AL": {"ألباني"}, "RO": {"روماني"}, "BG": {"بلغاري"}, "SK": {"سلوفاكي"},
	"SI": {"سلوفيني"}, "MD": {"مولدوفي"}, "LT": {"ليتواني"}, "LV": {"لاتفي"}, "EE": {"إستوني"},
	"CO": {"كولومبي"}, "PE": {"بيروفي"}, "TD": {"تشادي"}, "SN": {"سنغالي"}, "GH": {"غاني"},
	"CD": {"كونغولي"}, "CG": {"كونغولي"}, "CM": {"كاميروني"}, "UG": {"أوغندي"}, "TZ": {"تنزاني"},
	"RW": {"رواندي"}, "ZA": {"جنوب أفريقي", "جنوب إفريقي"}, "MM": {"ميانماري"}, "LK": {"سريلانكي"},
	"NP": {"نيبالي"}, "ML": {}, "CL": {"تشيلي"},
}

// arabicDemonymPlurals are broken plurals (with the article where it is
// normally written) that the regular -يون/-يين forms miss.
var arabicDemonymPlurals = map[string][]string{
	"RU": {"الروس", "روس"}, "TR": {"الأتراك", "أتراك"}, "US": {"الأمريكان", "الأميركان"},
	"DE": {"الألمان", "ألمان"}, "AF": {"الأفغان", "أفغان"}, "IN": {"الهنود", "هنود"},
	"KZ": {"الكازاخ"}, "UZ": {"الأوزبك"}, "TJ": {"الطاجيك"}, "TM": {"التركمان"},
	"GB": {"البريطانيون"}, "SA": {"السعوديون"},
}

// extraCountryNames are Arabic and English names the country lists lack.
var extraCountryNames = map[string][]string{
	"US": {"الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا", "United States", "USA", "U.S.", "America"},
	"GB": {"المملكة المتحدة", "بريطانيا", "بريطانيا العظمى", "United Kingdom", "Britain", "UK", "Great Britain"},
	"RU": {"روسيا", "روسيا الاتحادية", "الاتحاد الروسي", "Russia", "Russian Federation"},
	"SA": {"السعودية", "المملكة العربية السعودية", "المملكة السعودية"},
	"AE": {"الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات", "UAE"},
	"SY": {"سوريا", "سورية"},
	"PS": {"فلسطين", "دولة فلسطين", "الأراضي الفلسطينية", "الأراضي الفلسطينية المحتلة", "Palestine"},
	"KR": {"كوريا الجنوبية", "South Korea"},
	"KP": {"كوريا الشمالية", "North Korea"},
	"IR": {"إيران", "Iran"},
	"CN": {"الصين", "China"},
	"TR": {"تركيا", "Turkey", "Türkiye"},
	"KZ": {"كازاخستان", "كازخستان", "Kazakhstan"},
	"CD": {"الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"},
	"NL": {"هولندا"},
	"VA": {"الفاتيكان"},
	"CZ": {"التشيك", "جمهورية التشيك"},
	"MM": {"ميانمار", "بورما"},
	"CI": {"ساحل العاج", "كوت ديفوار"},
}

// ambiguousCommon are Arabic words (in MatchForm) that name a place or
// person in the sources but are more often common words in news text; they
// are kept as aliases but not matched on their own. The build adds the words
// that ANERcorp tags O more often than as a name.
var ambiguousCommon = []string{
	"مالي", "بنين", "صور", "حماه", "العين", "الخليل", "المدينه", "السلام", "الامل", "النصر",
	"طيبه", "جمال", "سعيد", "كريم", "امين", "الشرق", "الغرب", "الشمال", "الجنوب", "الوسط",
	"المنطقه", "الساحل", "الجزيره", "الرمادي", "الحره", "البيضاء", "القاعده", "فتح", "الشباب",
	"النهضه", "الوطن", "الاستقلال", "الوحده", "الثوره", "الحريه", "العدل", "الفجر", "الصباح",
	"عون", "رئيسي", "روحاني", "الهدي", "الكرامه", "السوق", "المركز", "البلد", "الدوله",
	"حلوان", "سيدي", "بور", "المنيا", "الزرقاء", "عرب", "العرب", "عربي", "غاز", "نفط", "ماء",
	"الامام", "الحسين", "الحسن", "علي", "محمد", "احمد", "عمر", "عثمان", "خالد", "حسن", "حسين",
	"ابراهيم", "يوسف", "موسي", "عيسي", "سلمان", "فهد", "فيصل", "عبدالله", "ناصر", "الناصر",
	"ثاني", "الثاني", "سلام", "المتوسط", "الشام", "كيف",
}

// Leading title words of the UniversalPetrarch actor names; an entry that
// begins with one of these is a description ("رئيس_روسي_...") rather than a
// plain name. Org words mark organisations. Both in MatchForm.
var petrarchTitleWords = setOfFields(`رئيس وزير ملك امير شيخ شيخه جنرال لواء عقيد عميد عمده سفير مستشار
	نائب سابق ممثل مبعوث متحدث ناطق قائد زعيم امين مدير رئيسه ولي عاهل سلطان امام اميره مساعد
	رءيس رءيسه مندوب محافظ والي قاضي مفتي بطريرك البابا بابا ملكه الملك الرئيس الامير الشيخ
	سيد السيد دكتور الدكتور حاكم مرشد المرشد ضابط جندي عضو نائبه`)

var petrarchOrgWords = setOfFields(`حكومه وزاره سفاره قوه قوات جيش حزب حركه منظمه اتحاد مجلس جامعه
	شركه بنك هيءه هيئه لجنه مكتب اداره ديوان جبهه تنظيم جماعه كتاءب كتائب لواء فيلق شرطه امن
	مخابرات محكمه برلمان مجلس دوله جمهوريه مملكه امانه صندوق وكاله مؤسسه موسسه مركز معهد نقابه
	رابطه جمعيه تحالف ائتلاف اءتلاف مليشيا ميليشيا عشيره قبيله مخيم مخيمات مدينه محافظه ولايه
	اقليم منطقه ل ب ال في من الي علي عن مع و`)

// cityNameFixes replaces wrong Arabic names of the city list, by ISO2 and
// English name; "" drops the row (see FIXES.md).
var cityNameFixes = map[string]string{
	"MT|Valletta": "فاليتا",
	"MV|Male":     "ماليه",
	"ET|Aware":    "",
	"AF|Kandahar": "قندهار",
	"AF|Herat":    "هرات",
}
