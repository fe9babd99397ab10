package org.eekms.it;

import java.io.File;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place ITs get their deployment from: the real archive the reactor built, unchanged: the kms-micro WAR on
 * Payara Micro, or, when {@code kms.ear} is set (the Payara Server and WildFly profiles), the EAR.
 */
public final class Deployments {

    private Deployments() {
    }

    public static Archive<?> kms() {
        String ear = System.getProperty("kms.ear");
        if (ear != null && !ear.isBlank()) {
            return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, existing(ear));
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, existing(System.getProperty("kms.war")));
    }

    private static File existing(String path) {
        File file = new File(String.valueOf(path));
        if (!file.isFile()) {
            throw new IllegalStateException("archive not found at " + file + "; build the reactor first");
        }
        return file;
    }
}
