<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <source>Too many wrong passphrases: wait %n seconds, then try again.</source>
        <translation>
            <numerusform>Too many wrong passphrases: wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong passphrases: wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillTherePage</name>
    <message numerus="yes">
        <source>The form will be cleared in %n seconds.</source>
        <translation>
            <numerusform>The form will be cleared in %n second.</numerusform>
            <numerusform>The form will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
