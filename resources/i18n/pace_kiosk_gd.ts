<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="gd_GB">
<context>
    <name>CheckAnswersPage</name>
    <message>
        <source>Now send your registration</source>
        <translation type="unfinished">A-nis cuiribh ur clàradh</translation>
    </message>
    <message>
        <source>By sending it you confirm that, as far as you know, these details are right. An adviser will go through them with you.</source>
        <translation type="unfinished">Le bhith ga chur, tha sibh a&apos; dearbhadh, cho fad &apos;s as aithne dhuibh, gu bheil am fiosrachadh seo ceart. Thèid comhairliche troimhe còmhla ribh.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished">Atharraich</translation>
    </message>
    <message>
        <source>Change: {what}</source>
        <translation type="unfinished">Atharraich: {what}</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished">Cha deach a thoirt seachad</translation>
    </message>
    <message>
        <source>Likes to be called {name}</source>
        <translation type="unfinished">An t-ainm as fheàrr: {name}</translation>
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
        <translation type="unfinished">A bheil sibh airson ur freagairtean a sguabadh às?</translation>
    </message>
    <message>
        <source>This removes everything you have typed. Nothing has been sent or kept.</source>
        <translation type="unfinished">Sguabaidh seo às a h-uile rud a sgrìobh sibh. Cha deach dad a chur no a chumail.</translation>
    </message>
    <message>
        <source>Yes, clear my answers</source>
        <translation type="unfinished">Tha, sguab às mo fhreagairtean</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation type="unfinished">Chan eil, till air ais</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>Day</source>
        <translation type="unfinished">Latha</translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished">Mìos</translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished">Bliadhna</translation>
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
        <translation type="unfinished">Thagh sibh gun a bhith a’ clàradh</translation>
    </message>
    <message>
        <source>That is fine. We have not kept any of your details.</source>
        <translation type="unfinished">Tha sin ceart gu leòr. Cha do chùm sinn gin dhen fhiosrachadh agaibh.</translation>
    </message>
    <message>
        <source>You can still talk to an adviser today: just let one of them know you would like some help.</source>
        <translation type="unfinished">Faodaidh sibh fhathast bruidhinn ri comhairliche an-diugh: dìreach innsibh do chomhairliche gu bheil sibh ag iarraidh cuideachadh.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">Crìochnaich</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished">Tha duilgheadas ann</translation>
    </message>
    <message>
        <source>Go to the question</source>
        <translation type="unfinished">Rach dhan cheist</translation>
    </message>
</context>
<context>
    <name>ExitPage</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation type="unfinished">Fàg modh a’ chiosg</translation>
    </message>
    <message>
        <source>For SDS advisers only. Type your passphrase to go back to the adviser&apos;s app.</source>
        <translation type="unfinished">Do chomhairlichean SDS a-mhàin. Sgrìobh an abairt-fhaire agad gus tilleadh gu aplacaid a’ chomhairliche.</translation>
    </message>
    <message>
        <source>Adviser passphrase</source>
        <translation type="unfinished">Abairt-fhaire a’ chomhairliche</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Sguir dheth</translation>
    </message>
    <message>
        <source>Type your passphrase</source>
        <translation type="unfinished">Sgrìobh an abairt-fhaire agad</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>PACE registration</source>
        <translation type="unfinished">Clàradh PACE</translation>
    </message>
    <message>
        <source>PACE: help when your job is at risk</source>
        <translation type="unfinished">PACE: cuideachadh nuair a tha ur n-obair ann an cunnart</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished">Iomsgaradh àrd</translation>
    </message>
    <message>
        <source>Show white text on black, with yellow outlines</source>
        <translation type="unfinished">Seall teacsa geal air dubh, le oirean buidhe</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished">Teacsa nas motha</translation>
    </message>
    <message>
        <source>Make all the text larger</source>
        <translation type="unfinished">Dèan an teacsa air fad nas motha</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation type="unfinished">Comhairliche</translation>
    </message>
    <message>
        <source>Adviser: leave kiosk mode</source>
        <translation type="unfinished">Comhairliche: fàg modh a’ chiosg</translation>
    </message>
    <message>
        <source>Advisers: leave kiosk mode ({keys})</source>
        <translation type="unfinished">Comhairlichean: fàg modh a’ chiosg ({keys})</translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished">Air ais</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished">Lean air adhart</translation>
    </message>
    <message>
        <source>Clear my answers</source>
        <translation type="unfinished">Sguab às mo fhreagairtean</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation type="unfinished">Tòisich an-dràsta</translation>
    </message>
    <message>
        <source>Accept and send</source>
        <translation type="unfinished">Gabh ris agus cuir</translation>
    </message>
    <message>
        <source>Your registration could not be sent. Please ask an adviser for help.</source>
        <translation type="unfinished">Cha b’ urrainn dhuinn ur clàradh a chur. Iarraibh cuideachadh air comhairliche.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passphrases: wait %n seconds, then try again.</source>
        <translation type="unfinished">
            <numerusform>Cus abairtean-faire ceàrr: fuirich %n diog, an uairsin feuch a-rithist.</numerusform>
            <numerusform>Cus abairtean-faire ceàrr: fuirich %n dhiog, an uairsin feuch a-rithist.</numerusform>
            <numerusform>Cus abairtean-faire ceàrr: fuirich %n diogan, an uairsin feuch a-rithist.</numerusform>
            <numerusform>Cus abairtean-faire ceàrr: fuirich %n diog, an uairsin feuch a-rithist.</numerusform>
        </translation>
    </message>
    <message>
        <source>That passphrase is not right</source>
        <translation type="unfinished">Chan eil an abairt-fhaire sin ceart</translation>
    </message>
    <message>
        <source>The passphrase could not be checked: try again</source>
        <translation type="unfinished">Cha b’ urrainn dhuinn an abairt-fhaire a dhearbhadh: feuch a-rithist</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Privacy notice version {v}</source>
        <translation type="unfinished">Brath prìobhaideachd, tionndadh {v}</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <source>Step {n} of {m}: {section}</source>
        <translation type="unfinished">Ceum {n} à {m}: {section}</translation>
    </message>
</context>
<context>
    <name>StillTherePage</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished">A bheil sibh ann fhathast?</translation>
    </message>
    <message>
        <source>To keep your details private, we will clear this form if nobody uses it.</source>
        <translation type="unfinished">Gus ur fiosrachadh a chumail prìobhaideach, glanaidh sinn am foirm seo mura cleachd duine e.</translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished">Tha, tha mi an seo fhathast</translation>
    </message>
    <message>
        <source>Clear the form now</source>
        <translation type="unfinished">Glan am foirm an-dràsta</translation>
    </message>
    <message numerus="yes">
        <source>The form will be cleared in %n seconds.</source>
        <translation type="unfinished">
            <numerusform>Thèid am foirm a ghlanadh ann an %n diog.</numerusform>
            <numerusform>Thèid am foirm a ghlanadh ann an %n dhiog.</numerusform>
            <numerusform>Thèid am foirm a ghlanadh ann an %n diogan.</numerusform>
            <numerusform>Thèid am foirm a ghlanadh ann an %n diog.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThankYouPage</name>
    <message>
        <source>What happens next</source>
        <translation type="unfinished">Dè thachras a-nis</translation>
    </message>
    <message>
        <source>Registration complete</source>
        <translation type="unfinished">Tha an clàradh deiseil</translation>
    </message>
    <message>
        <source>Thank you. Your details have been sent to the SDS advisers here.</source>
        <translation type="unfinished">Tapadh leibh. Chaidh ur fiosrachadh a chur gu comhairlichean SDS an seo.</translation>
    </message>
    <message>
        <source>Please tell an adviser that you have finished. They will talk to you about the help you can get.</source>
        <translation type="unfinished">Innsibh do chomhairliche gu bheil sibh deiseil. Bruidhnidh iad ribh mun chuideachadh a gheibh sibh.</translation>
    </message>
    <message>
        <source>You can ask an adviser to change or delete your details, or change your mind about any choice, at any time.</source>
        <translation type="unfinished">Faodaidh sibh iarraidh air comhairliche, uair sam bith, ur fiosrachadh atharrachadh no a sguabadh às, no ur n-inntinn atharrachadh mu roghainn sam bith.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished">Crìochnaich</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>{employer} — PACE event, {date}</source>
        <translation type="unfinished">{employer} — tachartas PACE, {date}</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished">Cànan:</translation>
    </message>
</context>
</TS>
