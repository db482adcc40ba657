# skyresearch as a native binary. Stage 1 builds it with Mandrel (GraalVM for Quarkus); stage 2 is a small
# runtime with what the local backend runs: bash, git, make and a C toolchain for the demo.
FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21 AS build
USER root
WORKDIR /build
COPY --chown=quarkus:quarkus mvnw pom.xml ./
COPY --chown=quarkus:quarkus .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY --chown=quarkus:quarkus src src
RUN ./mvnw -B package -Dnative -DskipTests

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.6
RUN microdnf install -y bash coreutils util-linux git make gcc glibc-devel && microdnf clean all
COPY --from=build /build/target/*-runner /usr/local/bin/skyresearch
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/skyresearch"]
CMD ["--help"]
