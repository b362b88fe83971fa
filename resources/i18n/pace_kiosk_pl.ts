<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>CheckAnswersPage</name>
    <message>
        <source>Now send your registration</source>
        <translation type="unfinished">Teraz wyślij swoją rejestrację</translation>
    </message>
    <message>
        <source>By sending it you confirm that, as far as you know, these details are right. An adviser will go through them with you.</source>
        <translation type="unfinished">Wysyłając ją, potwierdzasz, że według twojej wiedzy te dane są prawidłowe. Doradca sprawdzi je razem z tobą.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Zmień</translation>
    </message>
    <message>
        <source>Change: {what}</source>
        <translation type="unfinished">Zmień: {what}</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished">Nie podano</translation>
    </message>
    <message>
        <source>Likes to be called {name}</source>
        <translation type="unfinished">Preferowane imię: {name}</translation>
    </message>
    <message>
        <source>{question}: {answer}</source>
        <translation type="unfinished">{question}: {answer}</translation>
    </message>
</context>
<context>
    <name>ClearConfirmPage</name>
    <message>
        <source>Clear your answers?</source>
        <translation type="unfinished">Czy usunąć twoje odpowiedzi?</translation>
    </message>
    <message>
        <source>This removes everything you have typed. Nothing has been sent or kept.</source>
        <translation type="unfinished">To usunie wszystko, co zostało wpisane. Nic nie zostało wysłane ani zapisane.</translation>
    </message>
    <message>
        <source>Yes, clear my answers</source>
        <translation type="unfinished">Tak, usuń moje odpowiedzi</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation type="unfinished">Nie, wróć</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Day</source>
        <translation type="unfinished">Dzień</translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished">Miesiąc</translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished">Rok</translation>
    </message>
    <message>
        <source>{field}: {part}</source>
        <translation type="unfinished">{field}: {part}</translation>
    </message>
</context>
<context>
    <name>DeclinedPage</name>
    <message>
        <source>You have chosen not to register</source>
        <translation type="unfinished">Rezygnujesz z rejestracji</translation>
    </message>
    <message>
        <source>That is fine. We have not kept any of your details.</source>
        <translation type="unfinished">Nie ma problemu. Nie zachowaliśmy żadnych twoich danych.</translation>
    </message>
    <message>
        <source>You can still talk to an adviser today: just let one of them know you would like some help.</source>
        <translation type="unfinished">Nadal możesz dziś porozmawiać z doradcą: po prostu powiedz jednemu z nich, że potrzebujesz pomocy.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">Zakończ</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished">Wystąpił problem</translation>
    </message>
    <message>
        <source>Go to the question</source>
        <translation type="unfinished">Przejdź do pytania</translation>
    </message>
</context>
<context>
    <name>ExitPage</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation type="unfinished">Zamknij tryb kiosku</translation>
    </message>
    <message>
        <source>For SDS advisers only. Type your passphrase to go back to the adviser&apos;s app.</source>
        <translation type="unfinished">Tylko dla doradców SDS. Wpisz swoje hasło, aby wrócić do aplikacji doradcy.</translation>
    </message>
    <message>
        <source>Adviser passphrase</source>
        <translation type="unfinished">Hasło doradcy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Anuluj</translation>
    </message>
    <message>
        <source>Type your passphrase</source>
        <translation type="unfinished">Wpisz swoje hasło</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>PACE registration</source>
        <translation type="unfinished">Rejestracja PACE</translation>
    </message>
    <message>
        <source>PACE: help when your job is at risk</source>
        <translation type="unfinished">PACE: pomoc, gdy twoja praca jest zagrożona</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">Wysoki kontrast</translation>
    </message>
    <message>
        <source>Show white text on black, with yellow outlines</source>
        <translation type="unfinished">Pokaż biały tekst na czarnym tle, z żółtymi obramowaniami</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished">Większy tekst</translation>
    </message>
    <message>
        <source>Make all the text larger</source>
        <translation type="unfinished">Powiększ cały tekst</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation type="unfinished">Doradca</translation>
    </message>
    <message>
        <source>Adviser: leave kiosk mode</source>
        <translation type="unfinished">Doradca: zamknij tryb kiosku</translation>
    </message>
    <message>
        <source>Advisers: leave kiosk mode ({keys})</source>
        <translation type="unfinished">Doradcy: zamknij tryb kiosku ({keys})</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">Wstecz</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished">Dalej</translation>
    </message>
    <message>
        <source>Clear my answers</source>
        <translation type="unfinished">Usuń moje odpowiedzi</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation type="unfinished">Zacznij</translation>
    </message>
    <message>
        <source>Accept and send</source>
        <translation type="unfinished">Zatwierdź i wyślij</translation>
    </message>
    <message>
        <source>Your registration could not be sent. Please ask an adviser for help.</source>
        <translation type="unfinished">Nie udało się wysłać twojej rejestracji. Poproś doradcę o pomoc.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passphrases: wait %n seconds, then try again.</source>
        <translation type="unfinished">
            <numerusform>Zbyt wiele błędnych haseł: odczekaj %n sekundę i spróbuj ponownie.</numerusform>
            <numerusform>Zbyt wiele błędnych haseł: odczekaj %n sekundy i spróbuj ponownie.</numerusform>
            <numerusform>Zbyt wiele błędnych haseł: odczekaj %n sekund i spróbuj ponownie.</numerusform>
        </translation>
    </message>
    <message>
        <source>That passphrase is not right</source>
        <translation type="unfinished">To hasło jest nieprawidłowe</translation>
    </message>
    <message>
        <source>The passphrase could not be checked: try again</source>
        <translation type="unfinished">Nie udało się sprawdzić hasła: spróbuj ponownie</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Privacy notice version {v}</source>
        <translation type="unfinished">Informacja o prywatności, wersja {v}</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Step {n} of {m}: {section}</source>
        <translation type="unfinished">Krok {n} z {m}: {section}</translation>
    </message>
</context>
<context>
    <name>StillTherePage</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">Czy nadal tu jesteś?</translation>
    </message>
    <message>
        <source>To keep your details private, we will clear this form if nobody uses it.</source>
        <translation type="unfinished">Aby chronić twoje dane, wyczyścimy ten formularz, jeśli nikt z niego nie korzysta.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished">Tak, nadal tu jestem</translation>
    </message>
    <message>
        <source>Clear the form now</source>
        <translation type="unfinished">Wyczyść formularz teraz</translation>
    </message>
    <message numerus="yes">
        <source>The form will be cleared in %n seconds.</source>
        <translation type="unfinished">
            <numerusform>Formularz zostanie wyczyszczony za %n sekundę.</numerusform>
            <numerusform>Formularz zostanie wyczyszczony za %n sekundy.</numerusform>
            <numerusform>Formularz zostanie wyczyszczony za %n sekund.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThankYouPage</name>
    <message>
        <source>What happens next</source>
        <translation type="unfinished">Co dalej</translation>
    </message>
    <message>
        <source>Registration complete</source>
        <translation type="unfinished">Rejestracja zakończona</translation>
    </message>
    <message>
        <source>Thank you. Your details have been sent to the SDS advisers here.</source>
        <translation type="unfinished">Dziękujemy. Twoje dane zostały wysłane do obecnych tu doradców SDS.</translation>
    </message>
    <message>
        <source>Please tell an adviser that you have finished. They will talk to you about the help you can get.</source>
        <translation type="unfinished">Powiedz doradcy, że rejestracja jest zakończona. Porozmawia z tobą o pomocy, jaką możesz otrzymać.</translation>
    </message>
    <message>
        <source>You can ask an adviser to change or delete your details, or change your mind about any choice, at any time.</source>
        <translation type="unfinished">W każdej chwili możesz poprosić doradcę o zmianę lub usunięcie swoich danych albo zmienić zdanie co do każdego wyboru.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">Zakończ</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>{employer} — PACE event, {date}</source>
        <translation type="unfinished">{employer} — spotkanie PACE, {date}</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished">Język:</translation>
    </message>
</context>
</TS>
