<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en_GB">
  <context>
    <name>kiosk</name>
    <message>
      <source>A little</source>
      <translation type="unfinished">Trochę</translation>
    </message>
    <message>
      <source>A lot</source>
      <translation type="unfinished">Bardzo</translation>
    </message>
    <message>
      <source>About you</source>
      <translation type="unfinished">O tobie</translation>
    </message>
    <message>
      <source>Acas</source>
      <translation type="unfinished">Acas</translation>
    </message>
    <message>
      <source>Address</source>
      <translation type="unfinished">Adres</translation>
    </message>
    <message>
      <source>Address line 1</source>
      <translation type="unfinished">Adres – wiersz 1</translation>
    </message>
    <message>
      <source>Address line 2 (optional)</source>
      <translation type="unfinished">Adres – wiersz 2 (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>Ask you to fill in a survey</source>
      <translation type="unfinished">Prośba o wypełnienie ankiety</translation>
    </message>
    <message>
      <source>Benefits</source>
      <translation type="unfinished">Zasiłki</translation>
    </message>
    <message>
      <source>Both equally</source>
      <translation type="unfinished">Jedno i drugie po równo</translation>
    </message>
    <message>
      <source>Budgeting, debts and money worries</source>
      <translation type="unfinished">Budżet domowy, długi i kłopoty z pieniędzmi</translation>
    </message>
    <message>
      <source>Business Gateway (COSLA)</source>
      <translation type="unfinished">Business Gateway (COSLA)</translation>
    </message>
    <message>
      <source>By phone or email, a few times over the next months.</source>
      <translation type="unfinished">Telefonicznie lub e-mailem, kilka razy w ciągu najbliższych miesięcy.</translation>
    </message>
    <message>
      <source>Can SDS keep your details so an adviser can help you?</source>
      <translation type="unfinished">Czy SDS może przechowywać twoje dane, aby doradca mógł ci pomóc?</translation>
    </message>
    <message>
      <source>Can we ask you to fill in a short survey about our help?</source>
      <translation type="unfinished">Czy możemy poprosić cię o wypełnienie krótkiej ankiety na temat naszej pomocy?</translation>
    </message>
    <message>
      <source>Can we contact you later to see how you are getting on?</source>
      <translation type="unfinished">Czy możemy skontaktować się z tobą później, aby zapytać, jak sobie radzisz?</translation>
    </message>
    <message>
      <source>Can we use your answers, without your name, in statistics?</source>
      <translation type="unfinished">Czy możemy użyć twoich odpowiedzi w statystykach, bez twojego imienia i nazwiska?</translation>
    </message>
    <message>
      <source>Career development</source>
      <translation type="unfinished">Rozwój zawodowy</translation>
    </message>
    <message>
      <source>Check the year of your date of birth</source>
      <translation type="unfinished">Sprawdź rok w dacie urodzenia</translation>
    </message>
    <message>
      <source>Check your answers</source>
      <translation type="unfinished">Sprawdź odpowiedzi</translation>
    </message>
    <message>
      <source>Check your answers before sending them</source>
      <translation type="unfinished">Sprawdź odpowiedzi przed wysłaniem</translation>
    </message>
    <message>
      <source>Check your date of birth: it makes you over 80. If it is right, select Continue again</source>
      <translation type="unfinished">Sprawdź datę urodzenia: wynika z niej, że masz ponad 80 lat. Jeśli jest prawidłowa, wybierz ponownie „Dalej”</translation>
    </message>
    <message>
      <source>Check your date of birth: it makes you under 16. If it is right, select Continue again</source>
      <translation type="unfinished">Sprawdź datę urodzenia: wynika z niej, że masz mniej niż 16 lat. Jeśli jest prawidłowa, wybierz ponownie „Dalej”</translation>
    </message>
    <message>
      <source>Choose yes or no for each organisation. Saying no does not change the help you get.</source>
      <translation type="unfinished">Wybierz „Tak” lub „Nie” dla każdej organizacji. Odpowiedź „Nie” nie zmienia pomocy, którą otrzymasz.</translation>
    </message>
    <message>
      <source>Choose yes or no for each. Saying no does not change the help you get from SDS.</source>
      <translation type="unfinished">Wybierz „Tak” lub „Nie” przy każdym pytaniu. Odpowiedź „Nie” nie zmienia pomocy, którą otrzymasz od SDS.</translation>
    </message>
    <message>
      <source>Citizens Advice Scotland</source>
      <translation type="unfinished">Citizens Advice Scotland</translation>
    </message>
    <message>
      <source>College or university (HNC, HND, degree) or Advanced Higher</source>
      <translation type="unfinished">College lub uczelnia (HNC, HND, studia) albo Advanced Higher</translation>
    </message>
    <message>
      <source>Colleges Scotland</source>
      <translation type="unfinished">Colleges Scotland</translation>
    </message>
    <message>
      <source>Contact details</source>
      <translation type="unfinished">Dane kontaktowe</translation>
    </message>
    <message>
      <source>Contact you later</source>
      <translation type="unfinished">Kontakt w późniejszym czasie</translation>
    </message>
    <message>
      <source>Coping with stress</source>
      <translation type="unfinished">Radzenie sobie ze stresem</translation>
    </message>
    <message>
      <source>Core skills</source>
      <translation type="unfinished">Umiejętności podstawowe</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation type="unfinished">Data urodzenia</translation>
    </message>
    <message>
      <source>Date of birth must be in the past</source>
      <translation type="unfinished">Data urodzenia musi być w przeszłości</translation>
    </message>
    <message>
      <source>Dealing with the stress of losing your job</source>
      <translation type="unfinished">Radzenie sobie ze stresem po utracie pracy</translation>
    </message>
    <message>
      <source>Department for Work and Pensions (Jobcentre Plus)</source>
      <translation type="unfinished">Department for Work and Pensions (Jobcentre Plus)</translation>
    </message>
    <message>
      <source>Do any children under 18 who depend on you live with you?</source>
      <translation type="unfinished">Czy mieszkają z tobą dzieci poniżej 18 lat, które są na twoim utrzymaniu?</translation>
    </message>
    <message>
      <source>Do you have a car or van you can use?</source>
      <translation type="unfinished">Czy możesz korzystać z samochodu osobowego lub dostawczego?</translation>
    </message>
    <message>
      <source>Do you have a disability or a health condition that has lasted, or will last, a year or more?</source>
      <translation type="unfinished">Czy masz niepełnosprawność lub problem zdrowotny, który trwa lub będzie trwał rok lub dłużej?</translation>
    </message>
    <message>
      <source>Do you have a full driving licence with no points on it?</source>
      <translation type="unfinished">Czy masz pełne prawo jazdy bez punktów karnych?</translation>
    </message>
    <message>
      <source>Do you think you will have a job in the next three months?</source>
      <translation type="unfinished">Czy myślisz, że w ciągu najbliższych trzech miesięcy będziesz mieć pracę?</translation>
    </message>
    <message>
      <source>Does how you feel in your mind, like stress or low mood, make it harder for you to work?</source>
      <translation type="unfinished">Czy twoje samopoczucie psychiczne, na przykład stres lub przygnębienie, utrudnia ci pracę?</translation>
    </message>
    <message>
      <source>Does your physical health make it harder for you to work?</source>
      <translation type="unfinished">Czy twoje zdrowie fizyczne utrudnia ci pracę?</translation>
    </message>
    <message>
      <source>Email address (optional)</source>
      <translation type="unfinished">Adres e-mail (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>Employability advice</source>
      <translation type="unfinished">Porady w szukaniu pracy</translation>
    </message>
    <message>
      <source>Enter a National Insurance number like AB 12 34 56 C</source>
      <translation type="unfinished">Wpisz numer National Insurance w formie AB 12 34 56 C</translation>
    </message>
    <message>
      <source>Enter a UK phone number like 07700 900123 or 0131 496 0000</source>
      <translation type="unfinished">Wpisz brytyjski numer telefonu, na przykład 07700 900123 lub 0131 496 0000</translation>
    </message>
    <message>
      <source>Enter a UK postcode like EH1 1AA</source>
      <translation type="unfinished">Wpisz brytyjski kod pocztowy, na przykład EH1 1AA</translation>
    </message>
    <message>
      <source>Enter a number of years between 0 and 70</source>
      <translation type="unfinished">Wpisz liczbę lat od 0 do 70</translation>
    </message>
    <message>
      <source>Enter an email address like name@example.com</source>
      <translation type="unfinished">Wpisz adres e-mail, na przykład name@example.com</translation>
    </message>
    <message>
      <source>Enter the number of years in numbers, like 6</source>
      <translation type="unfinished">Wpisz liczbę lat cyframi, na przykład 6</translation>
    </message>
    <message>
      <source>Enter your date of birth</source>
      <translation type="unfinished">Wpisz datę urodzenia</translation>
    </message>
    <message>
      <source>Enter your first name</source>
      <translation type="unfinished">Wpisz swoje imię</translation>
    </message>
    <message>
      <source>Enter your last name</source>
      <translation type="unfinished">Wpisz swoje nazwisko</translation>
    </message>
    <message>
      <source>Everyday skills such as using a computer or working with others</source>
      <translation type="unfinished">Codzienne umiejętności, takie jak obsługa komputera lub praca z innymi</translation>
    </message>
    <message>
      <source>Family or friends, but not a partner</source>
      <translation type="unfinished">Rodzina lub znajomi, ale nie partner</translation>
    </message>
    <message>
      <source>Finding work</source>
      <translation type="unfinished">Szukanie pracy</translation>
    </message>
    <message>
      <source>First name</source>
      <translation type="unfinished">Imię</translation>
    </message>
    <message>
      <source>For example, 07700 900123</source>
      <translation type="unfinished">Na przykład 07700 900123</translation>
    </message>
    <message>
      <source>For example, 27 3 1985</source>
      <translation type="unfinished">Na przykład 27 3 1985</translation>
    </message>
    <message>
      <source>For example, 6</source>
      <translation type="unfinished">Na przykład 6</translation>
    </message>
    <message>
      <source>For example, machine operator</source>
      <translation type="unfinished">Na przykład operator maszyn</translation>
    </message>
    <message>
      <source>Give at least one if you can. We only use them to help you.</source>
      <translation type="unfinished">Jeśli możesz, podaj co najmniej jeden. Używamy ich tylko po to, by ci pomóc.</translation>
    </message>
    <message>
      <source>HM Revenue and Customs</source>
      <translation type="unfinished">HM Revenue and Customs</translation>
    </message>
    <message>
      <source>Have you had a job interview in the last three months?</source>
      <translation type="unfinished">Czy w ciągu ostatnich trzech miesięcy byłeś/byłaś na rozmowie o pracę?</translation>
    </message>
    <message>
      <source>Have you looked for a job in the last four weeks?</source>
      <translation type="unfinished">Czy w ciągu ostatnich czterech tygodni szukałeś/szukałaś pracy?</translation>
    </message>
    <message>
      <source>Have you talked to or written to an employer about a job in the last three months?</source>
      <translation type="unfinished">Czy w ciągu ostatnich trzech miesięcy rozmawiałeś/rozmawiałaś z pracodawcą albo pisałeś/pisałaś do pracodawcy w sprawie pracy?</translation>
    </message>
    <message>
      <source>Help with CVs, job applications and interviews</source>
      <translation type="unfinished">Pomoc z CV, podaniami o pracę i rozmowami kwalifikacyjnymi</translation>
    </message>
    <message>
      <source>Help with reading, writing or numbers</source>
      <translation type="unfinished">Pomoc w czytaniu, pisaniu lub liczeniu</translation>
    </message>
    <message>
      <source>Help you would like</source>
      <translation type="unfinished">Pomoc, której potrzebujesz</translation>
    </message>
    <message>
      <source>How can we contact you?</source>
      <translation type="unfinished">Jak możemy się z tobą skontaktować?</translation>
    </message>
    <message>
      <source>How sure do you feel that you will find work soon?</source>
      <translation type="unfinished">Na ile jesteś pewien/pewna, że wkrótce znajdziesz pracę?</translation>
    </message>
    <message>
      <source>How we use your information</source>
      <translation type="unfinished">Jak wykorzystujemy twoje dane</translation>
    </message>
    <message>
      <source>I have been given notice that my job will end</source>
      <translation type="unfinished">Dostałem/Dostałam wypowiedzenie: moja praca się skończy</translation>
    </message>
    <message>
      <source>I have been told my job is at risk</source>
      <translation type="unfinished">Powiedziano mi, że moja praca jest zagrożona</translation>
    </message>
    <message>
      <source>I have no qualifications</source>
      <translation type="unfinished">Nie mam żadnych kwalifikacji</translation>
    </message>
    <message>
      <source>I live on my own</source>
      <translation type="unfinished">Mieszkam sam/sama</translation>
    </message>
    <message>
      <source>ICAS</source>
      <translation type="unfinished">ICAS</translation>
    </message>
    <message>
      <source>If you know it. For example, 30 6 2026</source>
      <translation type="unfinished">Jeśli ją znasz. Na przykład 30 6 2026</translation>
    </message>
    <message>
      <source>Is finding a job mostly about luck, or mostly about the effort you put in?</source>
      <translation type="unfinished">Czy znalezienie pracy zależy głównie od szczęścia, czy głównie od twojego wysiłku?</translation>
    </message>
    <message>
      <source>It is on your payslip, P60, or letters about tax, pensions and benefits. For example, AB 12 34 56 C.</source>
      <translation type="unfinished">Znajdziesz go na pasku wypłaty (payslip), na formularzu P60 lub w listach o podatkach, emeryturach i zasiłkach. Na przykład AB 12 34 56 C.</translation>
    </message>
    <message>
      <source>It takes about 5 minutes. You can check and change your answers before you send them.</source>
      <translation type="unfinished">Zajmie to około 5 minut. Przed wysłaniem możesz sprawdzić i zmienić swoje odpowiedzi.</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation type="unfinished">Stanowisko</translation>
    </message>
    <message>
      <source>Last day at work</source>
      <translation type="unfinished">Ostatni dzień pracy</translation>
    </message>
    <message>
      <source>Last day at work must be a real date, like 30 6 2026</source>
      <translation type="unfinished">Ostatni dzień pracy musi być prawdziwą datą, na przykład 30 6 2026</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation type="unfinished">Nazwisko</translation>
    </message>
    <message>
      <source>Leave this blank if you do not have it with you.</source>
      <translation type="unfinished">Zostaw to pole puste, jeśli nie masz go przy sobie.</translation>
    </message>
    <message>
      <source>Literacy and numeracy</source>
      <translation type="unfinished">Czytanie, pisanie i liczenie</translation>
    </message>
    <message>
      <source>Local authority employability (SLAED)</source>
      <translation type="unfinished">Pomoc w zatrudnieniu od władz lokalnych (SLAED)</translation>
    </message>
    <message>
      <source>Mental health and wellbeing</source>
      <translation type="unfinished">Zdrowie psychiczne i samopoczucie</translation>
    </message>
    <message>
      <source>Money advice</source>
      <translation type="unfinished">Porady finansowe</translation>
    </message>
    <message>
      <source>Mostly effort</source>
      <translation type="unfinished">Głównie od wysiłku</translation>
    </message>
    <message>
      <source>Mostly luck</source>
      <translation type="unfinished">Głównie od szczęścia</translation>
    </message>
    <message>
      <source>My job has already ended</source>
      <translation type="unfinished">Moja praca już się skończyła</translation>
    </message>
    <message>
      <source>My partner (husband, wife or partner)</source>
      <translation type="unfinished">Mój partner lub moja partnerka (mąż, żona, partner)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished">Imię i nazwisko</translation>
    </message>
    <message>
      <source>National 4 or below, or SVQ level 1</source>
      <translation type="unfinished">National 4 lub niżej albo SVQ poziom 1</translation>
    </message>
    <message>
      <source>National 5, Higher, or SVQ level 2 or 3</source>
      <translation type="unfinished">National 5, Higher albo SVQ poziom 2 lub 3</translation>
    </message>
    <message>
      <source>National Insurance number</source>
      <translation type="unfinished">Numer National Insurance</translation>
    </message>
    <message>
      <source>National Insurance number (optional)</source>
      <translation type="unfinished">Numer National Insurance (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished">Nie</translation>
    </message>
    <message>
      <source>Not sure</source>
      <translation type="unfinished">Nie wiem</translation>
    </message>
    <message>
      <source>Not sure at all</source>
      <translation type="unfinished">Wcale nie jestem pewien/pewna</translation>
    </message>
    <message>
      <source>Not very sure</source>
      <translation type="unfinished">Niezbyt pewien/pewna</translation>
    </message>
    <message>
      <source>One survey, by email or post. You can ignore it.</source>
      <translation type="unfinished">Jedna ankieta, e-mailem lub pocztą. Możesz ją zignorować.</translation>
    </message>
    <message>
      <source>Organisations we can share your details with</source>
      <translation type="unfinished">Organizacje, którym możemy przekazać twoje dane</translation>
    </message>
    <message>
      <source>Other uses of your details</source>
      <translation type="unfinished">Inne sposoby wykorzystania twoich danych</translation>
    </message>
    <message>
      <source>PACE gives free help to people whose job is at risk because of redundancy.</source>
      <translation type="unfinished">PACE udziela bezpłatnej pomocy osobom, których praca jest zagrożona z powodu zwolnień.</translation>
    </message>
    <message>
      <source>Pensions</source>
      <translation type="unfinished">Emerytury</translation>
    </message>
    <message>
      <source>Phone number (optional)</source>
      <translation type="unfinished">Numer telefonu (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation type="unfinished">Kod pocztowy</translation>
    </message>
    <message>
      <source>Prefer not to say</source>
      <translation type="unfinished">Wolę nie mówić</translation>
    </message>
    <message>
      <source>Quite sure</source>
      <translation type="unfinished">Dość pewien/pewna</translation>
    </message>
    <message>
      <source>Redundancy pay, notice and your rights at work</source>
      <translation type="unfinished">Odprawa, okres wypowiedzenia i twoje prawa w pracy</translation>
    </message>
    <message>
      <source>Register for help from PACE</source>
      <translation type="unfinished">Zarejestruj się, aby dostać pomoc PACE</translation>
    </message>
    <message>
      <source>Remove the hidden control characters from this text</source>
      <translation type="unfinished">Usuń z tego tekstu ukryte znaki sterujące</translation>
    </message>
    <message>
      <source>Rights and entitlements</source>
      <translation type="unfinished">Prawa i uprawnienia</translation>
    </message>
    <message>
      <source>SDS can keep your details</source>
      <translation type="unfinished">SDS może przechowywać twoje dane</translation>
    </message>
    <message>
      <source>Scottish Training Federation</source>
      <translation type="unfinished">Scottish Training Federation</translation>
    </message>
    <message>
      <source>Scottish Union Learning</source>
      <translation type="unfinished">Scottish Union Learning</translation>
    </message>
    <message>
      <source>Select all that apply. Leave them all blank if you are not sure.</source>
      <translation type="unfinished">Zaznacz wszystkie, które pasują. Jeśli nie wiesz, nie zaznaczaj niczego.</translation>
    </message>
    <message>
      <source>Select an answer, or 'Prefer not to say'</source>
      <translation type="unfinished">Wybierz odpowiedź albo „Wolę nie mówić”</translation>
    </message>
    <message>
      <source>Select from the list</source>
      <translation type="unfinished">Wybierz z listy</translation>
    </message>
    <message>
      <source>Select what is happening with your job</source>
      <translation type="unfinished">Wybierz, co dzieje się z twoją pracą</translation>
    </message>
    <message>
      <source>Select yes if SDS can keep your details, or no if not</source>
      <translation type="unfinished">Wybierz „Tak”, jeśli SDS może przechowywać twoje dane, albo „Nie”, jeśli nie</translation>
    </message>
    <message>
      <source>Select yes or no</source>
      <translation type="unfinished">Wybierz „Tak” lub „Nie”</translation>
    </message>
    <message>
      <source>So they can help you too, without asking you everything again.</source>
      <translation type="unfinished">Aby one też mogły ci pomóc, bez ponownego pytania o wszystko.</translation>
    </message>
    <message>
      <source>Something else</source>
      <translation type="unfinished">Coś innego</translation>
    </message>
    <message>
      <source>Starting a business</source>
      <translation type="unfinished">Zakładanie firmy</translation>
    </message>
    <message>
      <source>Starting your own business</source>
      <translation type="unfinished">Zakładanie własnej firmy</translation>
    </message>
    <message>
      <source>Support for your mental health and wellbeing</source>
      <translation type="unfinished">Wsparcie zdrowia psychicznego i samopoczucia</translation>
    </message>
    <message>
      <source>The name you like to be called (optional)</source>
      <translation type="unfinished">Jak chcesz, żeby się do ciebie zwracać (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>This helps us plan support. Nobody can tell it is you.</source>
      <translation type="unfinished">To pomaga nam planować wsparcie. Nikt nie będzie wiedział, że chodzi o ciebie.</translation>
    </message>
    <message>
      <source>This is about your health. You do not have to answer: you can choose 'Prefer not to say'.</source>
      <translation type="unfinished">To pytanie dotyczy twojego zdrowia. Nie musisz odpowiadać: możesz wybrać „Wolę nie mówić”.</translation>
    </message>
    <message>
      <source>Town or city</source>
      <translation type="unfinished">Miejscowość</translation>
    </message>
    <message>
      <source>Training or a qualification for a particular job</source>
      <translation type="unfinished">Szkolenie lub kwalifikacje do konkretnej pracy</translation>
    </message>
    <message>
      <source>Use your answers in statistics, without your name</source>
      <translation type="unfinished">Użycie twoich odpowiedzi w statystykach, bez imienia i nazwiska</translation>
    </message>
    <message>
      <source>Very sure</source>
      <translation type="unfinished">Bardzo pewien/pewna</translation>
    </message>
    <message>
      <source>Vocational training</source>
      <translation type="unfinished">Szkolenie zawodowe</translation>
    </message>
    <message>
      <source>We need this to help you. Without it we cannot keep your details, but you can still talk to an adviser today.</source>
      <translation type="unfinished">Potrzebujemy tego, aby ci pomóc. Bez tej zgody nie możemy przechowywać twoich danych, ale nadal możesz dziś porozmawiać z doradcą.</translation>
    </message>
    <message>
      <source>We will ask about you, your job, how you feel about finding work, and what help would be useful.</source>
      <translation type="unfinished">Zapytamy o ciebie, o twoją pracę, o to, co myślisz o szukaniu pracy, i o to, jaka pomoc by ci się przydała.</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation type="unfinished">Witamy</translation>
    </message>
    <message>
      <source>What else can we do with your details?</source>
      <translation type="unfinished">Co jeszcze możemy robić z twoimi danymi?</translation>
    </message>
    <message>
      <source>What happens to your pension</source>
      <translation type="unfinished">Co się stanie z twoją emeryturą</translation>
    </message>
    <message>
      <source>What help would be useful?</source>
      <translation type="unfinished">Jaka pomoc by ci się przydała?</translation>
    </message>
    <message>
      <source>What is happening with your job</source>
      <translation type="unfinished">Co dzieje się z twoją pracą</translation>
    </message>
    <message>
      <source>What is happening with your job?</source>
      <translation type="unfinished">Co dzieje się z twoją pracą?</translation>
    </message>
    <message>
      <source>What is the highest qualification you have?</source>
      <translation type="unfinished">Jakie są twoje najwyższe kwalifikacje?</translation>
    </message>
    <message>
      <source>What is your National Insurance number?</source>
      <translation type="unfinished">Jaki jest twój numer National Insurance?</translation>
    </message>
    <message>
      <source>What is your address?</source>
      <translation type="unfinished">Jaki jest twój adres?</translation>
    </message>
    <message>
      <source>What is your date of birth?</source>
      <translation type="unfinished">Jaka jest twoja data urodzenia?</translation>
    </message>
    <message>
      <source>What is your job at {employer}?</source>
      <translation type="unfinished">Na jakim stanowisku pracujesz w firmie {employer}?</translation>
    </message>
    <message>
      <source>What is your name?</source>
      <translation type="unfinished">Jak się nazywasz?</translation>
    </message>
    <message>
      <source>When is your last day at work?</source>
      <translation type="unfinished">Kiedy jest twój ostatni dzień pracy?</translation>
    </message>
    <message>
      <source>When you were growing up, until you were 16, did a parent or the person who looked after you have a paid job?</source>
      <translation type="unfinished">Kiedy dorastałeś/dorastałaś, do 16. roku życia, czy twój rodzic lub opiekun miał płatną pracę?</translation>
    </message>
    <message>
      <source>Which benefits you can get and how to claim them</source>
      <translation type="unfinished">Jakie zasiłki ci przysługują i jak się o nie ubiegać</translation>
    </message>
    <message>
      <source>Who can we share your details with?</source>
      <translation type="unfinished">Komu możemy przekazać twoje dane?</translation>
    </message>
    <message>
      <source>Who do you live with?</source>
      <translation type="unfinished">Z kim mieszkasz?</translation>
    </message>
    <message>
      <source>Working out what job or career to aim for next</source>
      <translation type="unfinished">Ustalenie, jakiej pracy lub ścieżki zawodowej szukać dalej</translation>
    </message>
    <message>
      <source>Year must include 4 numbers</source>
      <translation type="unfinished">Rok musi mieć 4 cyfry</translation>
    </message>
    <message>
      <source>Years you have worked there (optional)</source>
      <translation type="unfinished">Ile lat tam pracujesz (nieobowiązkowo)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished">Tak</translation>
    </message>
    <message>
      <source>You can leave this blank if you would rather tell an adviser.</source>
      <translation type="unfinished">Możesz zostawić to puste, jeśli wolisz powiedzieć to doradcy.</translation>
    </message>
    <message>
      <source>Your choices</source>
      <translation type="unfinished">Twoje wybory</translation>
    </message>
    <message>
      <source>Your information</source>
      <translation type="unfinished">Twoje dane</translation>
    </message>
    <message>
      <source>Your job</source>
      <translation type="unfinished">Twoja praca</translation>
    </message>
    <message>
      <source>{noun} must be a real date</source>
      <translation type="unfinished">{noun} musi być prawdziwą datą</translation>
    </message>
    <message>
      <source>{noun} must be a real date, in numbers</source>
      <translation type="unfinished">{noun} musi być prawdziwą datą, zapisaną cyframi</translation>
    </message>
    <message>
      <source>{noun} must include a day</source>
      <translation type="unfinished">{noun} musi zawierać dzień</translation>
    </message>
    <message>
      <source>{noun} must include a day and month</source>
      <translation type="unfinished">{noun} musi zawierać dzień i miesiąc</translation>
    </message>
    <message>
      <source>{noun} must include a day and year</source>
      <translation type="unfinished">{noun} musi zawierać dzień i rok</translation>
    </message>
    <message>
      <source>{noun} must include a month</source>
      <translation type="unfinished">{noun} musi zawierać miesiąc</translation>
    </message>
    <message>
      <source>{noun} must include a month and year</source>
      <translation type="unfinished">{noun} musi zawierać miesiąc i rok</translation>
    </message>
    <message>
      <source>{noun} must include a year</source>
      <translation type="unfinished">{noun} musi zawierać rok</translation>
    </message>
  </context>
</TS>
