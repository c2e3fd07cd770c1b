# One image per cardflow service: MODULE names the Maven module (platform, order-command,
# order-query, saga-fulfilment, simulators). Built from the repository root:
#   docker build --build-arg MODULE=order-query -t cardflow/order-query .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE=platform
RUN ./mvnw -B -q -DskipTests -pl ${MODULE} -am package \
 && jar=$(ls ${MODULE}/target/*-exec.jar 2>/dev/null || ls ${MODULE}/target/cardflow-platform.jar) \
 && cp "$jar" /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 cardflow
COPY --from=build /app.jar /app/app.jar
USER cardflow
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
