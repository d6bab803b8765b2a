import com.adobe.epubcheck.tool.EpubChecker;

/** EPUBCheck on several EPUBs in one JVM: the arguments are pairs of an EPUB and the JSON report to
 *  write for it, as `java -jar epubcheck.jar EPUB -q --profile default --json REPORT` would. */
public class PlainpressEpubCheck {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i], "-q", "--profile", "default", "--json", args[i + 1]});
        }
        System.exit(0);
    }
}
