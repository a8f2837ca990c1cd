import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Starts DynamoDB Local (its jar on the class path) bound to one address, and exits when its parent goes away.
 *
 * Usage: java -cp DynamoDBLocal.jar DynamoDbLocal.java <host> <DynamoDB Local's own options...>
 *
 * DynamoDB Local has no option for the address: its Jetty server listens on every interface. The connector is
 * given the host before the server starts. Its parent holds this process's stdin open; end of input means the
 * parent exited, even by SIGKILL, and this process follows it instead of keeping the port for good.
 */
public class DynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is sent on stdin; reading only waits for the end of it.
        }
      } catch (IOException ignored) {
        // A broken pipe ends the input as well.
      }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();

    String host = args[0];
    Object proxy = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner")
        .getMethod("createServerFromCommandLineArgs", String[].class)
        .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    Field jettyField = proxy.getClass().getDeclaredField("server");
    jettyField.setAccessible(true);
    Object jetty = jettyField.get(proxy);
    for (Object connector : (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty)) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, host);
    }
    proxy.getClass().getMethod("start").invoke(proxy);
  }
}
