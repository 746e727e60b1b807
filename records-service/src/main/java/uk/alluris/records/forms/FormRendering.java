package uk.alluris.records.forms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders a signed consent form to PDF (PDFBox): the form's title, treatment, version and full text, then who signed,
 * their drawn signature, when, and the witnessing clinician, with the ids and the text's hash that tie the document to
 * its record. Text the standard fonts cannot show is replaced by '?' (the record keeps the exact name).
 */
final class FormRendering {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LEADING = 14;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm z")
            .withZone(ZoneId.of("Europe/London"));

    record Signing(UUID formId, FormTemplate template, String signerName, DrawnSignature signature, Instant signedAt,
            String witnessedBy) {
    }

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    byte[] render(Signing signing) {
        FormTemplate template = signing.template();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Pages pages = new Pages(document);
            pages.line(bold, 16, template.title());
            pages.line(regular, 10, "Treatment: " + template.treatment() + "   Form version: " + template.version());
            pages.gap();
            for (String paragraph : template.body().split("\\R")) {
                for (String line : wrap(paragraph, 11)) {
                    pages.line(regular, 11, line);
                }
            }
            pages.gap();
            pages.line(bold, 11, "Signed by: " + signing.signerName());
            PDImageXObject drawn = LosslessFactory.createFromImage(document, signing.signature().image());
            float scale = Math.min(1f, Math.min(220f / drawn.getWidth(), 80f / drawn.getHeight()));
            pages.image(drawn, drawn.getWidth() * scale, drawn.getHeight() * scale);
            pages.line(regular, 11, "Signed at: " + WHEN.format(signing.signedAt()));
            pages.line(regular, 11, "Witnessed by: " + signing.witnessedBy());
            pages.gap();
            pages.line(regular, 8, "Form " + signing.formId() + " from template " + template.id());
            pages.line(regular, 8, "SHA-256 of the form's text: " + template.bodySha256());
            pages.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render consent form " + signing.formId(), e);
        }
    }

    private List<String> wrap(String paragraph, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && regular.getStringWidth(showable(candidate)) / 1000 * size > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** What the standard fonts can show of the text: anything outside WinAnsi becomes '?'. */
    private String showable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            try {
                regular.encode(character);
                shown.append(character);
            } catch (IOException | IllegalArgumentException notInFont) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    /** Writes line by line down the page, starting a new page when one is full. */
    private final class Pages {

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            room(LEADING);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(showable(text));
            content.endText();
            y -= LEADING;
        }

        void image(PDImageXObject image, float width, float height) throws IOException {
            room(height + 4);
            content.drawImage(image, MARGIN, y - height, width, height);
            y -= height + 4;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void close() throws IOException {
            content.close();
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
