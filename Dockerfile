# One image per app, built from this repository:
#   docker build --build-arg MODULE=member-service -t quanzi/member-service .
# The build stage compiles the module with the Maven wrapper; the runtime stage holds the app
# as Spring Boot's extracted layers (dependencies change rarely, so rebuilds ship small layers). The dev
# stack's class-data-sharing archive (quanzi.cds.skip) is left out: it belongs to the build machine's JDK.

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY platform/ platform/
COPY member-service/pom.xml member-service/
COPY community-service/pom.xml community-service/
COPY offer-service/pom.xml offer-service/
COPY gateway/pom.xml gateway/
COPY devstack/pom.xml devstack/
COPY ${MODULE}/ ${MODULE}/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip -Dquanzi.cds.skip=true -Dquanzi.keycloak-seed.skip=true -pl ${MODULE} -am package \
 && java -Djarmode=tools -jar ${MODULE}/target/${MODULE}.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 quanzi
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
