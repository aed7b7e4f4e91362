<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/addl2advertisementcommand.cpp" line="+11" />
        <source>Add L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddNodeCommand</name>
    <message>
        <location filename="../core/document/addnodecommand.cpp" line="+11" />
        <source>Add node %1</source>
        <translation>Knoten %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddPoolCommand</name>
    <message>
        <location filename="../core/document/addpoolcommand.cpp" line="+9" />
        <source>Add pool %1</source>
        <translation>Pool %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>AddServiceCommand</name>
    <message>
        <location filename="../core/document/addservicecommand.cpp" line="+11" />
        <source>Add service %1</source>
        <translation>Service %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>EditL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/editl2advertisementcommand.cpp" line="+13" />
        <source>Edit L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename L2 advertisement %1 to %2</source>
        <translation>L2-Ankündigung %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditNodeCommand</name>
    <message>
        <location filename="../core/document/editnodecommand.cpp" line="+13" />
        <source>Edit node %1</source>
        <translation>Knoten %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename node %1 to %2</source>
        <translation>Knoten %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditPoolCommand</name>
    <message>
        <location filename="../core/document/editpoolcommand.cpp" line="+14" />
        <source>Edit pool %1</source>
        <translation>Pool %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename pool %1 to %2</source>
        <translation>Pool %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>EditServiceCommand</name>
    <message>
        <location filename="../core/document/editservicecommand.cpp" line="+12" />
        <source>Edit service %1</source>
        <translation>Service %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rename service %1 to %2</source>
        <translation>Service %1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>ImportYamlCommand</name>
    <message>
        <location filename="../core/document/importyamlcommand.cpp" line="+10" />
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
</context>
<context>
    <name>LanItem</name>
    <message>
        <location filename="../ui/topology/lanitem.cpp" line="+33" />
        <source>subnet not set</source>
        <translation>Subnetz nicht festgelegt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>LAN %1 · %2 · MTU %3</source>
        <translation>LAN %1 · %2 · MTU %3</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;LAN&lt;/b&gt; %1&lt;br&gt;Gateway: %2&lt;br&gt;Interface: %3, MTU %4&lt;br&gt;VXLAN overlay: VNI %5, UDP port %6, MTU %7</source>
        <translation>&lt;b&gt;LAN&lt;/b&gt; %1&lt;br&gt;Gateway: %2&lt;br&gt;Schnittstelle: %3, MTU %4&lt;br&gt;VXLAN-Overlay: VNI %5, UDP-Port %6, MTU %7</translation>
    </message>
    <message>
        <location line="+11" />
        <location line="+72" />
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
</context>
<context>
    <name>LegendItem</name>
    <message>
        <location filename="../ui/topology/legenditem.cpp" line="+33" />
        <source>VXLAN tunnel</source>
        <translation>VXLAN-Tunnel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VNI %1 · UDP %2 · MTU %3</source>
        <translation>VNI %1 · UDP %2 · MTU %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source> · select a node to see its tunnels</source>
        <translation> · Knoten auswählen, um seine Tunnel zu sehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, a /%2 per node</source>
        <translation>%1, ein /%2 je Knoten</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1, DNS %2</source>
        <translation>%1, DNS %2</translation>
    </message>
    <message>
        <location line="+7" />
        <source>no addresses</source>
        <translation>keine Adressen</translation>
    </message>
    <message>
        <location line="+1" />
        <source> · %1 of %2 used</source>
        <translation> · %1 von %2 belegt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>, IPv6 %1 of %2</source>
        <translation>, IPv6 %1 von %2</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Legend: the overlay, the cluster's address ranges and the address pools</source>
        <translation>Legende: das Overlay, die Adressbereiche des Clusters und die Adresspools</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../ui/topology/nodeitem.cpp" line="+37" />
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0" />
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+4" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no pod subnet</source>
        <translation>kein Pod-Subnetz</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VTEP · MTU %1</source>
        <translation>VTEP · MTU %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;LAN: %3 on %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;LAN: %3 an %4</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&lt;br&gt;Pod subnet: %1%2</source>
        <translation>&lt;br&gt;Pod-Subnetz: %1%2</translation>
    </message>
    <message>
        <location line="+2" />
        <source> (pinned)</source>
        <translation> (fest)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;br&gt;VTEP: %1 %2, MAC %3, MTU %4</source>
        <translation>&lt;br&gt;VTEP: %1 %2, MAC %3, MTU %4</translation>
    </message>
    <message>
        <location line="+19" />
        <location line="+215" />
        <location line="+3" />
        <source>LAN</source>
        <translation>LAN</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Announces</source>
        <translation>Kündigt an</translation>
    </message>
</context>
<context>
    <name>PendingGroupItem</name>
    <message numerus="yes">
        <location filename="../ui/topology/pendinggroupitem.cpp" line="+23" />
        <source>Not announced (%n)</source>
        <translation>
            <numerusform>Nicht angekündigt (%n)</numerusform>
            <numerusform>Nicht angekündigt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>LoadBalancer services without an address, or whose address no node announces. Hover over one to see why.</source>
        <translation>LoadBalancer-Services ohne Adresse oder mit einer Adresse, die kein Knoten ankündigt. Mit der Maus darüberfahren, um den Grund zu sehen.</translation>
    </message>
</context>
<context>
    <name>RemoveL2AdvertisementCommand</name>
    <message>
        <location filename="../core/document/removel2advertisementcommand.cpp" line="+10" />
        <source>Remove L2 advertisement %1</source>
        <translation>L2-Ankündigung %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemoveNodeCommand</name>
    <message>
        <location filename="../core/document/removenodecommand.cpp" line="+9" />
        <source>Remove node %1</source>
        <translation>Knoten %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemovePoolCommand</name>
    <message>
        <location filename="../core/document/removepoolcommand.cpp" line="+9" />
        <source>Remove pool %1</source>
        <translation>Pool %1 entfernen</translation>
    </message>
</context>
<context>
    <name>RemoveServiceCommand</name>
    <message>
        <location filename="../core/document/removeservicecommand.cpp" line="+10" />
        <source>Remove service %1/%2</source>
        <translation>Service %1/%2 entfernen</translation>
    </message>
</context>
<context>
    <name>ServiceIpItem</name>
    <message>
        <location filename="../ui/topology/serviceipitem.cpp" line="+20" />
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>SetNetworkCommand</name>
    <message>
        <location filename="../core/document/setnetworkcommand.cpp" line="+8" />
        <source>Change network settings</source>
        <translation>Netzwerkeinstellungen ändern</translation>
    </message>
</context>
<context>
    <name>SetPoolAddressesCommand</name>
    <message>
        <location filename="../core/document/setpooladdressescommand.cpp" line="+12" />
        <source>Change addresses of pool %1</source>
        <translation>Adressen von Pool %1 ändern</translation>
    </message>
</context>
<context>
    <name>TopologyExporter</name>
    <message>
        <location filename="../ui/topology/topologyexporter.cpp" line="+70" />
        <source>The picture is too large to export as PNG (%1 × %2 pixels); export it as SVG.</source>
        <translation>Das Bild ist zu groß für den Export als PNG (%1 × %2 Pixel); exportieren Sie es als SVG.</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+12" />
        <location line="+22" />
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-14" />
        <source>Network topology</source>
        <translation>Netzwerktopologie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Made with k3snet</source>
        <translation>Erstellt mit k3snet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Cannot write %1: the SVG generator failed</source>
        <translation>%1 kann nicht geschrieben werden: der SVG-Generator ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>k3snet::AddressMapWidget</name>
    <message>
        <location filename="../ui/pools/addressmapwidget.cpp" line="+73" />
        <source>Address map</source>
        <translation>Adresskarte</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Shown /24 block</source>
        <translation>Angezeigter /24-Block</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The /24 block of the LAN subnet the map shows</source>
        <translation>Der /24-Block des LAN-Subnetzes, den die Karte zeigt</translation>
    </message>
    <message>
        <location line="+235" />
        <source>Outside the LAN subnet</source>
        <translation>Außerhalb des LAN-Subnetzes</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Network or broadcast address of the LAN subnet</source>
        <translation>Netz- oder Broadcast-Adresse des LAN-Subnetzes</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+60" />
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <location line="-58" />
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Drag to move this end of the range</source>
        <translation>Ziehen, um dieses Ende des Bereichs zu verschieben</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Also in pool %1</source>
        <translation>Auch in Pool %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Assigned to service %1</source>
        <translation>Service %1 zugewiesen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Never handed out (avoidBuggyIPs)</source>
        <translation>Wird nie vergeben (avoidBuggyIPs)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Conflict: the pool holds an address that is already in use</source>
        <translation>Konflikt: Der Pool enthält eine Adresse, die bereits belegt ist</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Free: drag across free addresses to create a pool</source>
        <translation>Frei: über freie Adressen ziehen, um einen Pool anzulegen</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avoided .0/.255</source>
        <translation>Gemiedene .0/.255</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
</context>
<context>
    <name>k3snet::DiagnosticModel</name>
    <message>
        <location filename="../core/models/diagnosticmodel.cpp" line="+17" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+99" />
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Location</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
</context>
<context>
    <name>k3snet::DiagnosticsWidget</name>
    <message>
        <location filename="../ui/diagnostics/diagnosticswidget.cpp" line="+31" />
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+92" />
        <source>No problems found</source>
        <translation>Keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>k3snet::Document</name>
    <message>
        <location filename="../core/document/document.cpp" line="+91" />
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location line="+50" />
        <source>The project has no file yet: choose where to save it.</source>
        <translation>Das Projekt hat noch keine Datei: Wählen Sie, wo es gespeichert werden soll.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
</context>
<context>
    <name>k3snet::L2AdvertisementModel</name>
    <message>
        <location filename="../core/models/l2advertisementmodel.cpp" line="+17" />
        <source>(everything)</source>
        <translation>(alles)</translation>
    </message>
    <message>
        <location line="+25" />
        <source>pools with %1</source>
        <translation>Pools mit %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>all pools</source>
        <translation>alle Pools</translation>
    </message>
    <message>
        <location line="+2" />
        <source>all nodes</source>
        <translation>alle Knoten</translation>
    </message>
    <message>
        <location line="+6" />
        <source>all interfaces</source>
        <translation>alle Schnittstellen</translation>
    </message>
    <message>
        <location line="+38" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Node selectors</source>
        <translation>Knotenselektoren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Matching nodes</source>
        <translation>Passende Knoten</translation>
    </message>
</context>
<context>
    <name>k3snet::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+64" />
        <location line="+323" />
        <source>k3snet</source>
        <translation>k3snet</translation>
    </message>
    <message>
        <location line="-303" />
        <location line="+1" />
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <location line="+48" />
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the &amp;Demo Cluster</source>
        <translation>&amp;Demo-Cluster öffnen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Import MetalLB/kubectl YAML…</source>
        <translation>MetalLB-/kubectl-YAML &amp;importieren …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export Picture as &amp;PNG…</source>
        <translation>Bild als &amp;PNG exportieren …</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Export Picture as S&amp;VG…</source>
        <translation>Bild als S&amp;VG exportieren …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Close Project</source>
        <translation>Projekt s&amp;chließen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open &amp;Recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <location line="+15" />
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;Panels</source>
        <translation>&amp;Seitenleisten</translation>
    </message>
    <message>
        <location line="+4" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;About k3snet</source>
        <translation>Ü&amp;ber k3snet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location line="+30" />
        <location line="+18" />
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="-17" />
        <source>Address pools</source>
        <translation>Adresspools</translation>
    </message>
    <message>
        <location line="+2" />
        <source>L2 advertisements</source>
        <translation>L2-Ankündigungen</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+20" />
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location line="-10" />
        <source>Undo history</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="+2" />
        <source>L2 Advertisements</source>
        <translation>L2-Ankündigungen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Diagnostics</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Undo History</source>
        <translation>Rückgängig-Verlauf</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Address map</source>
        <translation>Adresskarte</translation>
    </message>
    <message>
        <location line="+82" />
        <source>%1[*] — k3snet</source>
        <translation>%1[*] — k3snet</translation>
    </message>
    <message>
        <location line="+22" />
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+10" />
        <source>&amp;Clear List</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <location line="+36" />
        <source>Export Picture</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Exported the picture to %1</source>
        <translation>Bild nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Export Picture as SVG</source>
        <translation>Bild als SVG exportieren</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Export Picture as PNG</source>
        <translation>Bild als PNG exportieren</translation>
    </message>
    <message>
        <location line="+2" />
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>About k3snet</source>
        <translation>Über k3snet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;h3&gt;k3snet %1&lt;/h3&gt;&lt;p&gt;See, design and run the network of a K3s cluster: nodes, pod subnets, flannel-compatible VXLAN tunnels and MetalLB-style address pools.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;k3snet %1&lt;/h3&gt;&lt;p&gt;Das Netzwerk eines K3s-Clusters sehen, entwerfen und betreiben: Knoten, Pod-Subnetze, flannel-kompatible VXLAN-Tunnel und Adresspools wie bei MetalLB.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>k3snet::NodeModel</name>
    <message>
        <location filename="../core/models/nodemodel.cpp" line="+15" />
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0" />
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+91" />
        <source>Recorded in the project: this node keeps it</source>
        <translation>Im Projekt festgehalten: dieser Knoten behält es</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Allocated by the plan (lowest free subnet)</source>
        <translation>Vom Plan zugeteilt (niedrigstes freies Subnetz)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2" />
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pod subnet</source>
        <translation>Pod-Subnetz</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VTEP address</source>
        <translation>VTEP-Adresse</translation>
    </message>
    <message>
        <location line="+2" />
        <source>VTEP MAC</source>
        <translation>VTEP-MAC</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <location line="+40" />
        <source>A node needs a name.</source>
        <translation>Ein Knoten braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>"%1" is not a valid node name: %2</source>
        <translation>„%1“ ist kein gültiger Knotenname: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is already a node named %1.</source>
        <translation>Es gibt bereits einen Knoten namens %1.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>"%1" is not a node role: use server or agent.</source>
        <translation>„%1“ ist keine Knotenrolle: Server oder Agent verwenden.</translation>
    </message>
</context>
<context>
    <name>k3snet::ObjectTableWidget</name>
    <message>
        <location filename="../ui/tables/objecttablewidget.cpp" line="+30" />
        <source>Filter…</source>
        <translation>Filtern …</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolChartWidget</name>
    <message>
        <location filename="../ui/pools/poolchartwidget.cpp" line="+47" />
        <source>IPv4 addresses per pool</source>
        <translation>IPv4-Adressen je Pool</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Pool usage chart</source>
        <translation>Diagramm der Pool-Belegung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Assigned, free and avoided addresses of each address pool</source>
        <translation>Vergebene, freie und gemiedene Adressen jedes Adresspools</translation>
    </message>
    <message>
        <location line="+21" />
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Avoided</source>
        <translation>Gemieden</translation>
    </message>
</context>
<context>
    <name>k3snet::PoolModel</name>
    <message>
        <location filename="../core/models/poolmodel.cpp" line="+32" />
        <source>%1 IPv4 + %2 IPv6</source>
        <translation>%1 IPv4 + %2 IPv6</translation>
    </message>
    <message>
        <location line="+113" />
        <source>Services of every namespace may get an address from this pool</source>
        <translation>Services aus jedem Namespace können eine Adresse aus diesem Pool erhalten</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Auto-assign</source>
        <translation>Auto-Vergabe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Avoid buggy IPs</source>
        <translation>Fehleranfällige IPs meiden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Assigned</source>
        <translation>Vergeben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Available</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location line="+77" />
        <source>A pool needs a name.</source>
        <translation>Ein Pool braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>"%1" is not a valid pool name: %2</source>
        <translation>„%1“ ist kein gültiger Poolname: %2</translation>
    </message>
    <message>
        <location line="+2" />
        <source>There is already a pool named %1.</source>
        <translation>Es gibt bereits einen Pool namens %1.</translation>
    </message>
    <message>
        <location line="+7" />
        <source>A pool needs at least one address range or CIDR.</source>
        <translation>Ein Pool braucht mindestens einen Adressbereich oder ein CIDR.</translation>
    </message>
    <message>
        <location line="+23" />
        <source>"%1" is not a priority: give a whole number (lower comes first).</source>
        <translation>„%1“ ist keine Priorität: eine ganze Zahl angeben (kleinere Werte kommen zuerst).</translation>
    </message>
    <message>
        <location line="+18" />
        <source>"%1" is not a namespace name: %2</source>
        <translation>„%1“ ist kein Namespace-Name: %2</translation>
    </message>
</context>
<context>
    <name>k3snet::ProjectFileController</name>
    <message numerus="yes">
        <location filename="../ui/projectfilecontroller.cpp" line="+102" />
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere Meldung</numerusform>
            <numerusform>… und %n weitere Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+9" />
        <location line="+81" />
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location line="-90" />
        <source>Cannot open %1.</source>
        <translation>%1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>%1 is not a valid k3snet project.</source>
        <translation>%1 ist kein gültiges k3snet-Projekt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+8" />
        <source>Import YAML</source>
        <translation>YAML importieren</translation>
    </message>
    <message>
        <location line="-8" />
        <source>Cannot import %1.</source>
        <translation>%1 kann nicht importiert werden.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>%1 cannot be imported: it has errors. Nothing was changed.</source>
        <translation>%1 kann nicht importiert werden: Die Datei enthält Fehler. Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+15" />
        <source>Imported %n object(s) from %1</source>
        <translation>
            <numerusform>%n Objekt aus %1 importiert</numerusform>
            <numerusform>%n Objekte aus %1 importiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24" />
        <source>Save Project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location line="+0" />
        <source>The project was not saved.</source>
        <translation>Das Projekt wurde nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+8" />
        <source>k3snet projects (*.k3snet.yaml);;Kubernetes and MetalLB YAML (*.yaml *.yml);;All files (*)</source>
        <translation>k3snet-Projekte (*.k3snet.yaml);;Kubernetes- und MetalLB-YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Import MetalLB or kubectl YAML</source>
        <translation>MetalLB- oder kubectl-YAML importieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Kubernetes and MetalLB YAML (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Kubernetes- und MetalLB-YAML (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <location line="+0" />
        <source>k3snet projects (*.k3snet.yaml)</source>
        <translation>k3snet-Projekte (*.k3snet.yaml)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The project “%1” has changes that are not saved.
Do you want to save them?</source>
        <translation>Das Projekt „%1“ enthält ungespeicherte Änderungen.
Möchten Sie sie speichern?</translation>
    </message>
</context>
<context>
    <name>k3snet::ServiceModel</name>
    <message>
        <location filename="../core/models/servicemodel.cpp" line="+99" />
        <source>&lt;pending&gt;</source>
        <translation>&lt;ausstehend&gt;</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Requested IP</source>
        <translation>Angeforderte IP</translation>
    </message>
    <message>
        <location line="+2" />
        <source>External IPs</source>
        <translation>Externe IPs</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Announced by</source>
        <translation>Angekündigt von</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Fallbacks</source>
        <translation>Ersatzknoten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Pending because</source>
        <translation>Ausstehend, weil</translation>
    </message>
</context>
<context>
    <name>k3snet::StartPageWidget</name>
    <message>
        <location filename="../ui/startpagewidget.cpp" line="+35" />
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <location line="+6" />
        <source>k3snet</source>
        <translation>k3snet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>See, design and run the network of your K3s cluster: nodes, pod subnets, VXLAN tunnels and MetalLB address pools.</source>
        <translation>Das Netzwerk Ihres K3s-Clusters sehen, entwerfen und betreiben: Knoten, Pod-Subnetze, VXLAN-Tunnel und MetalLB-Adresspools.</translation>
    </message>
    <message>
        <location line="+22" />
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start from an empty cluster and add your nodes.</source>
        <translation>Mit einem leeren Cluster beginnen und Ihre Knoten hinzufügen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open Project…</source>
        <translation>Projekt öffnen …</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Open a *.k3snet.yaml project file.</source>
        <translation>Eine Projektdatei *.k3snet.yaml öffnen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Open the Demo Cluster</source>
        <translation>Demo-Cluster öffnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Four Raspberry Pis on 10.0.0.0/24 with Traefik behind a MetalLB pool.</source>
        <translation>Vier Raspberry Pis im Netz 10.0.0.0/24 mit Traefik hinter einem MetalLB-Pool.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Import MetalLB or kubectl YAML…</source>
        <translation>MetalLB- oder kubectl-YAML importieren …</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pools, L2 advertisements, services and nodes from manifests or a kubectl get -o yaml dump.</source>
        <translation>Pools, L2-Ankündigungen, Services und Knoten aus Manifesten oder einer Ausgabe von kubectl get -o yaml.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Projects you open or save will be listed here.</source>
        <translation>Projekte, die Sie öffnen oder speichern, werden hier aufgeführt.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Recent Projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
</context>
<context>
    <name>k3snet::TopologyScene</name>
    <message>
        <location filename="../ui/topology/topologyscene.cpp" line="+127" />
        <source>No node announces this address.</source>
        <translation>Kein Knoten kündigt diese Adresse an.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&lt;b&gt;%1&lt;/b&gt; is not announced:&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wird nicht angekündigt:&lt;br&gt;%2</translation>
    </message>
    <message>
        <location line="+11" />
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 from pool %3&lt;br&gt;Announced by %4&lt;br&gt;Fallbacks: %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 aus Pool %3&lt;br&gt;Angekündigt von %4&lt;br&gt;Ersatzknoten: %5</translation>
    </message>
    <message>
        <location line="+4" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+21" />
        <source>VNI %1, UDP port %2</source>
        <translation>VNI %1, UDP-Port %2</translation>
    </message>
    <message>
        <location line="+118" />
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <location line="+19" />
        <source>&lt;b&gt;VXLAN tunnel&lt;/b&gt; %1 ↔ %2&lt;br&gt;%1: LAN %3, VTEP %4, MAC %5&lt;br&gt;%2: LAN %6, VTEP %7, MAC %8&lt;br&gt;%9</source>
        <translation>&lt;b&gt;VXLAN-Tunnel&lt;/b&gt; %1 ↔ %2&lt;br&gt;%1: LAN %3, VTEP %4, MAC %5&lt;br&gt;%2: LAN %6, VTEP %7, MAC %8&lt;br&gt;%9</translation>
    </message>
</context>
<context>
    <name>k3snet::TopologyView</name>
    <message>
        <location filename="../ui/topology/topologyview.cpp" line="+27" />
        <source>Network topology</source>
        <translation>Netzwerktopologie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>The LAN, the nodes with their pod subnets and VTEPs, the overlay tunnels and the LoadBalancer addresses each node announces</source>
        <translation>Das LAN, die Knoten mit ihren Pod-Subnetzen und VTEPs, die Overlay-Tunnel und die LoadBalancer-Adressen, die jeder Knoten ankündigt</translation>
    </message>
</context>
<context>
    <name>k3snetctl</name>
    <message>
        <location filename="../app/k3snetctl/cli.cpp" line="+77" />
        <source>cannot read standard input</source>
        <translation>Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+39" />
        <source>%1 and %2 are both project files; give at most one, and Kubernetes YAML to merge into it</source>
        <translation>%1 und %2 sind beide Projektdateien; höchstens eine angeben, dazu Kubernetes-YAML zum Einmischen</translation>
    </message>
    <message>
        <location line="+29" />
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>converted</source>
        <translation>umgewandelt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kept as is</source>
        <translation>unverändert behalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>applied</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 %2 %3 (%4)</source>
        <translation>%1 %2 %3 (%4)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+18" />
        <source>no problems found</source>
        <translation>keine Probleme gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/main.cpp" line="+22" />
        <source>check project files and report every problem</source>
        <translation>Projektdateien prüfen und jedes Problem melden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>show nodes, pod subnets, VTEPs, pools, services and diagnostics</source>
        <translation>Knoten, Pod-Subnetze, VTEPs, Pools, Services und Befunde anzeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>import Kubernetes/MetalLB YAML into a project</source>
        <translation>Kubernetes-/MetalLB-YAML in ein Projekt importieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>write a project's MetalLB resources or a node's k3s config</source>
        <translation>die MetalLB-Ressourcen eines Projekts oder die k3s-Konfiguration eines Knotens schreiben</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Usage: k3snetctl &lt;command&gt; [options] [arguments]</source>
        <translation>Aufruf: k3snetctl &lt;Befehl&gt; [Optionen] [Argumente]</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The network of a K3s cluster (flannel-compatible VXLAN, MetalLB-style pools) as one plan.</source>
        <translation>Das Netzwerk eines K3s-Clusters (flannel-kompatibles VXLAN, Pools wie bei MetalLB) als ein Plan.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Run "k3snetctl &lt;command&gt; --help" for a command's options.</source>
        <translation>„k3snetctl &lt;Befehl&gt; --help“ zeigt die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+35" />
        <source>k3snetctl: unknown command "%1"</source>
        <translation>k3snetctl: unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/plancommand.cpp" line="+39" />
        <source>Plan for %1 (%2)</source>
        <translation>Plan für %1 (%2)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>NODES</source>
        <translation>KNOTEN</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+18" />
        <location line="+21" />
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-39" />
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>LAN IP</source>
        <translation>LAN-IP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>POD SUBNET</source>
        <translation>POD-SUBNETZ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>VTEP</source>
        <translation>VTEP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VTEP ADDRESS</source>
        <translation>VTEP-ADRESSE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>VTEP MAC</source>
        <translation>VTEP-MAC</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CNI0</source>
        <translation>CNI0</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <location line="+4" />
        <source> (pinned)</source>
        <translation> (fest)</translation>
    </message>
    <message>
        <location line="+7" />
        <source>  (no nodes)</source>
        <translation>  (keine Knoten)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>POOLS</source>
        <translation>POOLS</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ADDRESSES</source>
        <translation>ADRESSEN</translation>
    </message>
    <message>
        <location line="+0" />
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ASSIGNED</source>
        <translation>VERGEBEN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>AVAILABLE</source>
        <translation>FREI</translation>
    </message>
    <message>
        <location line="+0" />
        <source>AUTO-ASSIGN</source>
        <translation>AUTO-VERGABE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>AVOID-BUGGY-IPS</source>
        <translation>FEHLERANFÄLLIGE-IPS-MEIDEN</translation>
    </message>
    <message>
        <location line="+11" />
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0" />
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+3" />
        <source>  (no pools)</source>
        <translation>  (keine Pools)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>SERVICES</source>
        <translation>SERVICES</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NAMESPACE</source>
        <translation>NAMESPACE</translation>
    </message>
    <message>
        <location line="+0" />
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>CLUSTER-IP</source>
        <translation>CLUSTER-IP</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EXTERNAL-IP</source>
        <translation>EXTERNE-IP</translation>
    </message>
    <message>
        <location line="+0" />
        <source>PORTS</source>
        <translation>PORTS</translation>
    </message>
    <message>
        <location line="+0" />
        <source>POOL</source>
        <translation>POOL</translation>
    </message>
    <message>
        <location line="+0" />
        <source>ANNOUNCER</source>
        <translation>ANKÜNDIGER</translation>
    </message>
    <message>
        <location line="+7" />
        <source> (then %1)</source>
        <translation> (danach %1)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>  (no services)</source>
        <translation>  (keine Services)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>  %1/%2 is pending: %3</source>
        <translation>  %1/%2 wartet: %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>DIAGNOSTICS</source>
        <translation>BEFUNDE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>  none: the plan is valid</source>
        <translation>  keine: der Plan ist gültig</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Show the network plan of a project: each node's pod subnet, VTEP and cni0 bridge, the address
pools, the services and their IPs, and every diagnostic.
Kubernetes and MetalLB YAML (manifests, kubectl get -o yaml dumps, the legacy ConfigMap) is
merged into the project file given, or into an empty project.
Exit status: 0 when the plan has no error, 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Zeigt den Netzwerkplan eines Projekts: Pod-Subnetz, VTEP und cni0-Bridge jedes Knotens, die
Adresspools, die Services mit ihren IPs und jeden Befund.
Kubernetes- und MetalLB-YAML (Manifeste, Ausgaben von kubectl get -o yaml, die alte ConfigMap) wird
in die angegebene Projektdatei oder in ein leeres Projekt eingemischt.
Exit-Status: 0 ohne Fehler im Plan, 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>At most one project file (*.k3snet.yaml) and any Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Höchstens eine Projektdatei (*.k3snet.yaml) und beliebige Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>k3snetctl plan: give exactly one of --demo or files (try --help)</source>
        <translation>k3snetctl plan: entweder --demo oder Dateien angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="-24" />
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+23" />
        <source>Output format: text or json.</source>
        <translation>Ausgabeformat: text oder json.</translation>
    </message>
    <message>
        <location line="+1" />
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1" />
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Plan the bundled demo project (the seed's Pi cluster).</source>
        <translation>Das mitgelieferte Demoprojekt planen (der Pi-Cluster aus der Vorlage).</translation>
    </message>
    <message>
        <location line="+17" />
        <source>k3snetctl plan: unknown format "%1" (use text or json)</source>
        <translation>k3snetctl plan: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+10" />
        <source>k3snetctl plan: %1</source>
        <translation>k3snetctl plan: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/validatecommand.cpp" line="+1" />
        <source>Validate the bundled demo project.</source>
        <translation>Das mitgelieferte Demoprojekt prüfen.</translation>
    </message>
    <message>
        <location line="-7" />
        <source>Check k3snet project files: cluster and service CIDRs, DNS, MTU, nodes, pod subnets.
Kubernetes and MetalLB YAML (IPAddressPools, L2Advertisements, Services, kubectl get -o yaml dumps,
the legacy ConfigMap) is checked too, each file on its own as an otherwise empty project.
Exit status: 0 when there is no error (warnings allowed), 1 on errors, 2 on usage or I/O errors.</source>
        <translation>Prüft k3snet-Projektdateien: Cluster- und Service-CIDR, DNS, MTU, Knoten, Pod-Subnetze.
Auch Kubernetes- und MetalLB-YAML (IPAddressPools, L2Advertisements, Services, Ausgaben von
kubectl get -o yaml, die alte ConfigMap) wird geprüft, jede Datei für sich als sonst leeres Projekt.
Exit-Status: 0 ohne Fehler (Warnungen erlaubt), 1 bei Fehlern, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Project files (*.k3snet.yaml) or Kubernetes/MetalLB YAML; - reads standard input.</source>
        <translation>Projektdateien (*.k3snet.yaml) oder Kubernetes-/MetalLB-YAML; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl validate: unknown format "%1" (use text or json)</source>
        <translation>k3snetctl validate: unbekanntes Format „%1“ (text oder json verwenden)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>k3snetctl validate: no file given (try --help)</source>
        <translation>k3snetctl validate: keine Datei angegeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>k3snetctl validate: %1</source>
        <translation>k3snetctl validate: %1</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/exportcommand.cpp" line="+22" />
        <source>Write what a project deploys: its MetalLB resources (IPAddressPools, L2Advertisements and the
MetalLB objects kept on import) for kubectl apply -f, or the k3s config.yaml or the k3snet-agent
configuration (/etc/k3snet/agent.yaml) of one node.
The project may also be Kubernetes/MetalLB YAML, such as a legacy MetalLB ConfigMap to convert.
Exit status: 0 when written, 1 when the project has errors, 2 on usage or I/O errors.</source>
        <translation>Schreibt, was ein Projekt ausrollt: seine MetalLB-Ressourcen (IPAddressPools, L2Advertisements und die
beim Import behaltenen MetalLB-Objekte) für kubectl apply -f, oder die k3s-config.yaml oder die
k3snet-agent-Konfiguration (/etc/k3snet/agent.yaml) eines Knotens.
Das Projekt darf auch Kubernetes-/MetalLB-YAML sein, etwa eine alte MetalLB-ConfigMap zum Umwandeln.
Exit-Status: 0 wenn geschrieben, 1 wenn das Projekt Fehler hat, 2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Write the MetalLB resources.</source>
        <translation>Die MetalLB-Ressourcen schreiben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write the k3s config.yaml of this node.</source>
        <translation>Die k3s-config.yaml dieses Knotens schreiben.</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+2" />
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Write the k3snet-agent configuration of this node.</source>
        <translation>Die k3snet-agent-Konfiguration dieses Knotens schreiben.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Write to this file (atomically) instead of standard output.</source>
        <translation>In diese Datei (atomar) statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The project (*.k3snet.yaml, or Kubernetes YAML); - reads standard input.</source>
        <translation>Das Projekt (*.k3snet.yaml oder Kubernetes-YAML); - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>k3snetctl export: give --metallb, --k3s-config NODE or --agent-config NODE, and one project (try --help)</source>
        <translation>k3snetctl export: --metallb, --k3s-config KNOTEN oder --agent-config KNOTEN und ein Projekt angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+8" />
        <location line="+52" />
        <source>k3snetctl export: %1</source>
        <translation>k3snetctl export: %1</translation>
    </message>
    <message>
        <location line="-46" />
        <source>%1: cannot be read; nothing exported</source>
        <translation>%1: kann nicht gelesen werden; nichts exportiert</translation>
    </message>
    <message>
        <location line="+15" />
        <source>k3snetctl export: %1 has no node "%2" (nodes: %3)</source>
        <translation>k3snetctl export: %1 hat keinen Knoten „%2“ (Knoten: %3)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+17" />
        <source>k3snetctl export: the agent configuration of "%1" would be refused by k3snet-agent; fix the project (k3snetctl validate)</source>
        <translation>k3snetctl export: k3snet-agent würde die Agent-Konfiguration von „%1“ ablehnen; das Projekt korrigieren (k3snetctl validate)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/k3snetctl/importcommand.cpp" line="+34" />
        <source>Import Kubernetes and MetalLB YAML into a k3snet project: IPAddressPools and L2Advertisements,
Services, Nodes, Namespaces and EndpointSlices, from manifests or kubectl get -o yaml dumps; the
legacy MetalLB ConfigMap and Helm configInline are converted as MetalLB's configmaptocrs does.
Objects k3snet does not manage (BGPPeer, BGPAdvertisement, ...) are kept and written back on export.
Exit status: 0 when the project was written, 1 when an input has errors (nothing is written),
2 on usage or I/O errors.</source>
        <translation>Importiert Kubernetes- und MetalLB-YAML in ein k3snet-Projekt: IPAddressPools und L2Advertisements,
Services, Nodes, Namespaces und EndpointSlices, aus Manifesten oder Ausgaben von kubectl get -o yaml;
die alte MetalLB-ConfigMap und Helm-configInline werden umgewandelt wie von MetalLBs configmaptocrs.
Objekte, die k3snet nicht verwaltet (BGPPeer, BGPAdvertisement, ...), bleiben erhalten und werden beim Export zurückgeschrieben.
Exit-Status: 0 wenn das Projekt geschrieben wurde, 1 wenn eine Eingabe Fehler hat (nichts wird geschrieben),
2 bei Aufruf- oder E/A-Fehlern.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The project file to write (*.k3snet.yaml).</source>
        <translation>Die zu schreibende Projektdatei (*.k3snet.yaml).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+4" />
        <source>project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Merge into this project instead of a new one; objects with the same kind and name are replaced.</source>
        <translation>In dieses Projekt statt in ein neues einmischen; Objekte gleicher Art und gleichen Namens werden ersetzt.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Kubernetes/MetalLB YAML files; - reads standard input.</source>
        <translation>Kubernetes-/MetalLB-YAML-Dateien; - liest die Standardeingabe.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>k3snetctl import: give the files to import and -o PROJECT (try --help)</source>
        <translation>k3snetctl import: die zu importierenden Dateien und -o PROJEKT angeben (siehe --help)</translation>
    </message>
    <message>
        <location line="+10" />
        <location line="+24" />
        <location line="+27" />
        <source>k3snetctl import: %1</source>
        <translation>k3snetctl import: %1</translation>
    </message>
    <message>
        <location line="-47" />
        <source>k3snetctl import: %1 is not a k3snet project; give it as a file to import</source>
        <translation>k3snetctl import: %1 ist kein k3snet-Projekt; als zu importierende Datei angeben</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1: cannot be read; nothing written</source>
        <translation>%1: kann nicht gelesen werden; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+17" />
        <source>k3snetctl import: %1 is a k3snet project; give it as --base</source>
        <translation>k3snetctl import: %1 ist ein k3snet-Projekt; mit --base angeben</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1; nothing written</source>
        <translation>%1; nichts geschrieben</translation>
    </message>
    <message>
        <location line="+16" />
        <source>pools: %1</source>
        <translation>Pools: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>L2Advertisements: %1</source>
        <translation>L2Advertisements: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>services: %1</source>
        <translation>Services: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>nodes: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>namespaces: %1</source>
        <translation>Namespaces: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kept objects: %1</source>
        <translation>behaltene Objekte: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrote %1: %2 (%3)</source>
        <translation>%1 geschrieben: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/k3snet/main.cpp" line="+27" />
        <source>See, design and run the network of a K3s cluster.</source>
        <translation>Das Netzwerk eines K3s-Clusters sehen, entwerfen und betreiben.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>A k3snet project (*.k3snet.yaml), or Kubernetes/MetalLB YAML to import.</source>
        <translation>Ein k3snet-Projekt (*.k3snet.yaml) oder zu importierendes Kubernetes-/MetalLB-YAML.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open the demo cluster.</source>
        <translation>Den Demo-Cluster öffnen.</translation>
    </message>
</context>
</TS>
