# Builds the CoFund jar from this repository and runs it on a JRE. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
COPY mvnw .
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -q -B package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the health check of docker-compose.yml (GET /actuator/health).
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 cofund
WORKDIR /app
COPY --from=build /src/target/cofund-*.jar /app/cofund.jar
USER cofund
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cofund.jar"]
