package uk.alluris.deploy;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The root pom's images profile, read as XML: what Jib is configured to write into every image. */
record JibProfile(Element profile) {

    static JibProfile fromRootPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Repository.path("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("images".equals(text(profile, "id"))) {
                return new JibProfile(profile);
            }
        }
        throw new AssertionError("the root pom has no images profile");
    }

    /** The text of the first element at a slash-separated path of child names below the profile. */
    String at(String path) {
        Element element = element(path);
        return element == null ? null : element.getTextContent().trim();
    }

    List<String> all(String path) {
        int slash = path.lastIndexOf('/');
        Element parent = element(path.substring(0, slash));
        List<String> values = new ArrayList<>();
        if (parent != null) {
            for (Element child : children(parent, path.substring(slash + 1))) {
                values.add(child.getTextContent().trim());
            }
        }
        return values;
    }

    String property(String name) {
        return at("properties/" + name);
    }

    Element element(String path) {
        Element current = profile;
        for (String name : path.split("/")) {
            List<Element> children = children(current, name);
            if (children.isEmpty()) {
                return null;
            }
            current = children.get(0);
        }
        return current;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> children = children(parent, name);
        return children.isEmpty() ? null : children.get(0).getTextContent().trim();
    }
}
