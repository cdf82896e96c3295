package dev.prebreak.cli.serve;

/** Text made safe to put in HTML, in element content and in quoted attribute values alike. */
final class Html {
    private Html() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default:
                    // Control characters have no business in a name; they could confuse a terminal copying from the page.
                    out.append(c < 0x20 && c != '\t' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
