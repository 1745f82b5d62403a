/** The stack under the integration tests: real PostgreSQL and Artemis in the test JVM, Liberty by Arquillian. */
package io.stocksync.teststack;
