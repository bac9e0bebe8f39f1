package io.quanzi.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body accepted, declared or streamed */
@ConfigurationProperties("quanzi.web")
public record QuanziWebProperties(DataSize maxBodySize) {

    public QuanziWebProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofKilobytes(256);
        }
    }
}
