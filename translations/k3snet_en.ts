<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PendingGroupItem</name>
    <message numerus="yes">
        <location filename="../ui/topology/pendinggroupitem.cpp" line="+23"/>
        <source>Not announced (%n)</source>
        <translation>
            <numerusform>Not announced (%n)</numerusform>
            <numerusform>Not announced (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::DiagnosticsWidget</name>
    <message numerus="yes">
        <location filename="../ui/diagnostics/diagnosticswidget.cpp" line="+126"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::ProjectFileController</name>
    <message numerus="yes">
        <location filename="../ui/projectfilecontroller.cpp" line="+102"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>Imported %n object(s) from %1</source>
        <translation>
            <numerusform>Imported %n object from %1</numerusform>
            <numerusform>Imported %n objects from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snetctl</name>
    <message numerus="yes">
        <location filename="../app/k3snetctl/cli.cpp" line="+181"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
</TS>
