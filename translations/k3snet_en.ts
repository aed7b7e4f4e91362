<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NodeItem</name>
    <message numerus="yes">
        <location filename="../ui/topology/nodeitem.cpp" line="+148"/>
        <source>, announces %n address(es)</source>
        <translation>
            <numerusform>, announces %n address</numerusform>
            <numerusform>, announces %n addresses</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <location line="+21"/>
        <source>%n service(s) no node announces</source>
        <translation>
            <numerusform>%n service no node announces</numerusform>
            <numerusform>%n services no node announces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceIpItem</name>
    <message numerus="yes">
        <location filename="../ui/topology/serviceipitem.cpp" line="+105"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
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
    <name>k3snet::L2AdvertisementEditor</name>
    <message numerus="yes">
        <location filename="../ui/l2/l2advertisementeditor.cpp" line="+343"/>
        <source>%1 of %n node(s) may announce.</source>
        <translation>
            <numerusform>%1 of %n node may announce.</numerusform>
            <numerusform>%1 of %n nodes may announce.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n address(es).</source>
        <translation>
            <numerusform>%n address.</numerusform>
            <numerusform>%n addresses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n address(es) announced by nobody.</source>
        <translation>
            <numerusform>%n address announced by nobody.</numerusform>
            <numerusform>%n addresses announced by nobody.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::NameValidator</name>
    <message numerus="yes">
        <location filename="../ui/validators/namevalidator.cpp" line="+38"/>
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>A name has at most %n character.</numerusform>
            <numerusform>A name has at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::ObjectActions</name>
    <message numerus="yes">
        <location filename="../ui/objectactions.cpp" line="+223"/>
        <source>Remove %n object(s)</source>
        <translation>
            <numerusform>Remove %n object</numerusform>
            <numerusform>Remove %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>&amp;Delete %n Objects</source>
        <translation>
            <numerusform>&amp;Delete %n Object</numerusform>
            <numerusform>&amp;Delete %n Objects</numerusform>
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
    <name>k3snet::ProvisionDialog</name>
    <message numerus="yes">
        <location filename="../ui/provision/provisiondialog.cpp" line="+215"/>
        <source>Working on %n node(s)…</source>
        <translation>
            <numerusform>Working on %n node…</numerusform>
            <numerusform>Working on %n nodes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>All %n node(s) ok</source>
        <translation>
            <numerusform>%n node ok</numerusform>
            <numerusform>All %n nodes ok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n node(s) failed</source>
        <translation>
            <numerusform>%1 of %n node failed</numerusform>
            <numerusform>%1 of %n nodes failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>k3snet::ServiceModel</name>
    <message numerus="yes">
        <location filename="../core/models/servicemodel.cpp" line="+93"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
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
    <message numerus="yes">
        <location filename="../app/k3snetctl/progressview.cpp" line="+221"/>
        <source>%n node(s), all ok</source>
        <translation>
            <numerusform>%n node, ok</numerusform>
            <numerusform>%n nodes, all ok</numerusform>
        </translation>
    </message>
</context>
</TS>
