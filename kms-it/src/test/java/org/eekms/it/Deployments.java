package org.eekms.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one place ITs get their deployment from: the real kms-micro WAR the reactor built, unchanged. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive kmsMicroWar() {
        File war = new File(System.getProperty("kms.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("kms-micro WAR not found at " + war + "; build the reactor first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
