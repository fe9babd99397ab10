package org.eekms.micro;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The embedded default's database: an H2 file under the data folder ({@code kms.data}), declared by the
 * application so that {@code mvn -Prun package} needs no server set-up. Payara resolves the {@code MPCONFIG}
 * placeholder at deployment, from the
 * {@code kms.data} system property (application config files are not visible yet at that moment). The EAR declares nothing of the kind: there the administrator's {@code jdbc/kms} is used.
 */
@Singleton
@DataSourceDefinition(
        name = "java:app/jdbc/kms",
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:file:${MPCONFIG=kms.data}/db/kms;WRITE_DELAY=0",
        user = "kms",
        password = "",
        minPoolSize = 2,
        maxPoolSize = 32)
public class EmbeddedDatabase {
}
